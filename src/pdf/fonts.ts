import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The parsed faces every summary PDF is set in: Noto Sans SC covers all pilot names and Latin text. */
export interface PdfFonts {
  readonly regular: Font;
  readonly bold: Font;
}

export type FontWeight = keyof PdfFonts;

/** Names the faces are registered under in each document. */
export const PDF_FONT_NAMES: Readonly<Record<FontWeight, string>> = {
  regular: 'NotoSansSC',
  bold: 'NotoSansSC-Bold',
};

const FONT_FILES: Readonly<Record<FontWeight, string>> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

let loaded: PdfFonts | undefined;

/**
 * Reads and parses both faces once per process. Each face is a 10 MB TTF with 30,000 glyphs:
 * parsing it per document, or letting pdfkit re-read it by path, costs seconds per report.
 */
export function loadPdfFonts(): PdfFonts {
  loaded ??= { regular: parseFontFile(FONT_FILES.regular), bold: parseFontFile(FONT_FILES.bold) };
  return loaded;
}

/**
 * Registers the parsed faces in a document. pdfkit accepts a fontkit font object (anything with
 * `layout()`), which its type definitions do not list, hence the cast; it subsets and embeds
 * only the glyphs a document uses.
 */
export function registerPdfFonts(doc: PDFKit.PDFDocument, fonts: PdfFonts): void {
  for (const weight of ['regular', 'bold'] as const) {
    doc.registerFont(PDF_FONT_NAMES[weight], fonts[weight] as unknown as PDFKit.Mixins.PDFFontSource);
  }
}

function parseFontFile(packagePath: string): Font {
  // Resolved from the repository root so the same code runs compiled (CommonJS) and under Jest (ESM).
  const file = createRequire(join(process.cwd(), 'package.json')).resolve(packagePath);
  const font = create(readFileSync(file));
  if ('fonts' in font) throw new Error(`${file} is a font collection; a single face is expected`);
  return font;
}
