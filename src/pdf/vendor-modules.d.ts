/**
 * Type declarations for the two untyped packages the PDF renderer uses, limited to what this
 * folder calls. pdfkit itself uses more of a fontkit font internally; that is its business.
 */

declare module 'fontkit' {
  /** A parsed single-face font (TTF/OTF). */
  export interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    readonly numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): { readonly advanceWidth: number };
  }

  /** A TTC or DFont file holding several faces. */
  export interface FontCollection {
    readonly type: 'TTC' | 'DFont';
    readonly fonts: Font[];
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}

declare module 'svg-to-pdfkit' {
  namespace SVGtoPDF {
    interface FontOptions {
      fauxBold: boolean;
      fauxItalic: boolean;
    }

    interface Options {
      /** Viewport size; by default the page size. */
      width?: number;
      height?: number;
      preserveAspectRatio?: string;
      /** Treat SVG user units as PDF points rather than CSS pixels (which are 0.75 pt). */
      assumePt?: boolean;
      precision?: number;
      /** Returns the name of a font registered in the document for an SVG font request. */
      fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: FontOptions) => string;
      warningCallback?: (message: string) => void;
    }
  }

  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SVGtoPDF.Options): void;

  export = SVGtoPDF;
}
