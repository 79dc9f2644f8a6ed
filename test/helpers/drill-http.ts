import type { LoginResponse } from './contract.js';
import { DRILL_ADMIN } from './drill-processes.js';

/**
 * A small HTTP client for drills, which talk to API processes over the network (fetch), not to
 * an in-process application.
 */
export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, otherwise the text. */
  body: T;
  text: string;
  /** `METHOD path → status: first 500 characters`, for assertion messages. */
  describe: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export const API = '/api/v1';

export async function request<T = unknown>(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  const json = /^application\/json/.test(response.headers.get('content-type') ?? '');
  let body: unknown = text;
  if (json && text) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T, text, describe: `${method} ${path} → ${response.status}: ${text.slice(0, 500)}` };
}

/** Asserts the status (showing the answer when it differs) and answers the body. */
export function expectStatus<T>(answer: HttpAnswer<T>, ...statuses: number[]): T {
  if (!statuses.includes(answer.status)) throw new Error(`expected ${statuses.join(' or ')}; ${answer.describe}`);
  return answer.body;
}

/** Requests on behalf of one caller against one API process. */
export class DrillClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): DrillClient {
    return new DrillClient(this.baseUrl, token);
  }

  at(baseUrl: string): DrillClient {
    return new DrillClient(baseUrl, this.token);
  }

  send<T = unknown>(method: string, path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<HttpAnswer<T>> {
    return request<T>(this.baseUrl, method, path, { ...options, token: this.token });
  }

  get<T = unknown>(path: string, options?: Omit<RequestOptions, 'token' | 'body'>) {
    return this.send<T>('GET', path, options);
  }

  post<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'token' | 'body'>) {
    return this.send<T>('POST', path, { ...options, body });
  }

  put<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'token' | 'body'>) {
    return this.send<T>('PUT', path, { ...options, body });
  }

  /** Logs in (asserting 200) and answers a client carrying the access token. */
  async login(email: string, password: string): Promise<DrillClient> {
    const answer = await request<LoginResponse>(this.baseUrl, 'POST', `${API}/auth/login`, { body: { email, password } });
    return this.as(expectStatus(answer, 200).accessToken);
  }

  loginAdmin(): Promise<DrillClient> {
    return this.login(DRILL_ADMIN.email, DRILL_ADMIN.password);
  }

  /** Downloads bytes (asserting 200). */
  async download(path: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      signal: AbortSignal.timeout(60_000),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`GET ${path} → ${response.status}: ${bytes.toString('utf8', 0, 500)}`);
    return bytes;
  }
}

export interface SummaryView {
  id: string;
  periodId: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  progress: number;
  pageCount?: number;
  bytes?: number;
  sha256?: string;
  error?: string;
  finishedAt?: string;
}

export interface ProgressView {
  expected: number;
  received: number;
  aggregatedAt: string;
  byPilot: { pilotId: string; reportStatus: string }[];
}
