import type { ImportRowError } from './types';

/** The error body every API error answers (API.md "General"), plus an import's row errors. */
interface ErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  errors?: ImportRowError[];
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && ('message' in value || 'statusCode' in value);
}

/** A failed API call: the HTTP status (0 when the server could not be reached) and its messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly messages: string[];
  readonly rowErrors: ImportRowError[];
  /** Seconds to wait before trying again (429). */
  readonly retryAfter: number | null;

  constructor(status: number, messages: string[], options: { rowErrors?: ImportRowError[]; retryAfter?: number | null } = {}) {
    super(messages[0] ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages;
    this.rowErrors = options.rowErrors ?? [];
    this.retryAfter = options.retryAfter ?? null;
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    const parsed = isErrorBody(body) ? body : {};
    const message = parsed.message ?? parsed.error;
    const messages = Array.isArray(message) ? message : message ? [message] : [];
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiError(response.status, messages, {
      rowErrors: Array.isArray(parsed.errors) ? parsed.errors : [],
      retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    });
  }

  static network(): ApiError {
    return new ApiError(0, []);
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * Splits validation messages by the field they name. The API names every invalid field by its
 * full path first ("tasks.0.percentComplete must not be greater than 100"); messages that name
 * no field ("property extra should not exist") are returned under `general`.
 */
export function messagesByField(messages: string[]): { fields: Map<string, string[]>; general: string[] } {
  const fields = new Map<string, string[]>();
  const general: string[] = [];
  for (const message of messages) {
    const match = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*)\s+(.+)$/.exec(message);
    const path = match?.[1];
    if (!match || !path || path === 'property' || path === 'each') {
      general.push(message);
      continue;
    }
    fields.set(path, [...(fields.get(path) ?? []), message]);
  }
  return { fields, general };
}
