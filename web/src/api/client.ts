import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '../auth/session-store';
import { ApiError } from './errors';
import type { paths } from './schema';

const sessionEvents = new EventTarget();

/** Calls back when the server stops accepting the session's token (401 on an authenticated call). */
export function onSessionRejected(listener: () => void): () => void {
  sessionEvents.addEventListener('rejected', listener);
  return () => sessionEvents.removeEventListener('rejected', listener);
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = sessionStore.read()?.accessToken;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) sessionEvents.dispatchEvent(new Event('rejected'));
    return response;
  },
};

export const api = createClient<paths>({ headers: { accept: 'application/json' } });
api.use(auth);

interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

async function settle<Data>(call: Promise<FetchResult<Data>>): Promise<FetchResult<Data>> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // fetch rejects only when the request never got an answer.
    throw ApiError.network();
  }
}

/** The data of a successful call; any other answer becomes an ApiError. */
export async function unwrap<Data>(call: Promise<FetchResult<Data>>): Promise<Data> {
  const { data, error, response } = await settle(call);
  if (!response.ok) throw ApiError.fromResponse(response, error);
  return data as Data;
}

/** The body and the ETag a report route answers, for the next conditional write. */
export async function unwrapWithEtag<Data>(call: Promise<FetchResult<Data>>): Promise<{ data: Data; etag: string | null }> {
  const { data, error, response } = await settle(call);
  if (!response.ok) throw ApiError.fromResponse(response, error);
  return { data: data as Data, etag: response.headers.get('etag') };
}

/** A file answered by the API, with the name its Content-Disposition gives. */
export async function unwrapFile(call: Promise<FetchResult<unknown>>, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const { data, error, response } = await settle(call);
  if (!response.ok) throw ApiError.fromResponse(response, error);
  return { blob: data as Blob, filename: filenameFrom(response.headers.get('content-disposition')) ?? fallbackName };
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}
