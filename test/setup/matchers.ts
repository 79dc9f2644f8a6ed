import { expect } from '@jest/globals';
import type { Response } from 'supertest';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The response has this status; on failure the message shows the request and the body. */
      toHaveStatus(status: number): R;
    }
  }
}

function describeResponse(response: Response): string {
  const request = (response as Response & { req?: { method?: string; path?: string } }).req;
  const body = response.text ?? JSON.stringify(response.body);
  return `${request?.method ?? '?'} ${request?.path ?? '?'} answered ${response.status}: ${body.slice(0, 800)}`;
}

expect.extend({
  toHaveStatus(received: Response, status: number) {
    const pass = received.status === status;
    return {
      pass,
      message: () =>
        pass
          ? `expected a status other than ${status}; ${describeResponse(received)}`
          : `expected status ${status}; ${describeResponse(received)}`,
    };
  },
});
