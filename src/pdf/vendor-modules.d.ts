/**
 * Type declarations for the untyped package the PDF renderer uses (fontkit), limited to what this
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
