/** Cells that spreadsheet programs would run as formulas are prefixed with `'` (OWASP CSV injection). */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}
