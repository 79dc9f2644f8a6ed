import type { Agent, Response, Test } from 'supertest';
import type { ErrorBody } from './contract.js';

export const API = '/api/v1';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Requests on behalf of one caller: every call carries its bearer token (none when anonymous). */
export interface Api {
  get(path: string): Test;
  delete(path: string): Test;
  post(path: string, body?: object): Test;
  put(path: string, body?: object): Test;
  patch(path: string, body?: object): Test;
}

export function apiFor(http: Agent, token?: string): Api {
  const request = (method: 'get' | 'delete' | 'post' | 'put' | 'patch', path: string, body?: object): Test => {
    const test = http[method](path);
    if (token !== undefined) void test.set(bearer(token));
    if (body !== undefined) void test.send(body);
    return test;
  };
  return {
    get: (path) => request('get', path),
    delete: (path) => request('delete', path),
    post: (path, body) => request('post', path, body),
    put: (path, body) => request('put', path, body),
    patch: (path, body) => request('patch', path, body),
  };
}

/** Asserts the status and answers the body. */
export function bodyOf<T>(response: Response, status: number): T {
  expect(response).toHaveStatus(status);
  return response.body as T;
}

/** An error's `message`, always as a list. */
export function errorMessages(response: Response): string[] {
  const { message } = response.body as ErrorBody;
  return Array.isArray(message) ? message : [message];
}

/** What must never reach a client: stack frames, file paths, SQL, driver errors. */
const LEAK_PATTERNS: RegExp[] = [
  /\bat (?:[\w.<>$]+ )?\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+/,
  /node_modules/,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^"]*\b(?:FROM|VALUES|SET|WHERE)\b/,
  /QueryFailedError|duplicate key value|violates \w+ (?:key )?constraint|relation "\w+"/i,
];

export function expectNoLeaks(response: Response): void {
  const text = response.text ?? JSON.stringify(response.body ?? '');
  expect(text).not.toContain(process.cwd());
  for (const pattern of LEAK_PATTERNS) expect(text).not.toMatch(pattern);
  if (response.body && typeof response.body === 'object') expect(response.body).not.toHaveProperty('stack');
}

/**
 * Asserts an error answer of the contract's shape: `{statusCode, error, message}` where
 * `message` is a string or a list of strings, with nothing of the server's insides.
 */
export function expectError(response: Response, status: number): ErrorBody {
  expect(response).toHaveStatus(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.body as ErrorBody;
  expect(body.statusCode).toBe(status);
  expect(typeof body.error).toBe('string');
  expect(body.error.length).toBeGreaterThan(0);
  const messages = errorMessages(response);
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) expect(typeof message).toBe('string');
  expectNoLeaks(response);
  return body;
}

/** Asserts a 400 whose messages name every one of `fields`. */
export function expectInvalidFields(response: Response, fields: readonly string[]): string[] {
  expectError(response, 400);
  const messages = errorMessages(response);
  for (const field of fields) {
    expect({ field, named: messages.some((message) => message.includes(field)), messages }).toMatchObject({ named: true });
  }
  return messages;
}

export const query = (params: Record<string, string | number | boolean | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
