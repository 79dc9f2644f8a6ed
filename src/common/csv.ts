/** UTF-8 byte order mark: Excel needs it to open Chinese text correctly. */
export const UTF8_BOM = '\ufeff';

/** Cells that spreadsheet programs would run as formulas are prefixed with `'` (OWASP CSV injection). */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF). */
export function csvLine(values: unknown[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}
