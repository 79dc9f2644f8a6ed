import type { ValidationError } from 'class-validator';

/**
 * Flattens class-validator's tree into one message per failed constraint, each naming the full
 * path of the field (e.g. `tasks.0.percentComplete must not be greater than 100`).
 */
export function validationErrorMessages(errors: ValidationError[], parentPath = ''): string[] {
  const messages: string[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator names only the leaf property; nested fields need their whole path.
      if (path === error.property) messages.push(message);
      else if (message.startsWith(`${error.property} `)) messages.push(`${path}${message.slice(error.property.length)}`);
      else messages.push(`${path}: ${message}`);
    }
    if (error.children?.length) messages.push(...validationErrorMessages(error.children, path));
  }
  return messages;
}
