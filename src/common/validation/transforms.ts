/** Trims surrounding white space from string input; other values pass through to validation. */
export const trimString = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
