export const MIN_PASSWORD_LENGTH = 10;

/** Returns what is wrong with a password, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'password must be at most 256 characters';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'password must not be the email address';
  return null;
}
