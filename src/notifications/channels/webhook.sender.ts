import { createHmac } from 'node:crypto';
import type { OutboundNotice } from './notice.js';

const TIMEOUT_MS = 10_000;

export const SIGNATURE_HEADER = 'x-pilot-tracker-signature';
export const TIMESTAMP_HEADER = 'x-pilot-tracker-timestamp';

/**
 * `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`: the receiver recomputes it with the
 * shared secret, and rejects old timestamps to stop replays.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** POSTs the notice; throws on a network error or any non-2xx answer so the job is retried. */
export async function deliverWebhook(url: string, secret: string, notice: OutboundNotice, now = new Date()): Promise<void> {
  const body = JSON.stringify(notice);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
      'user-agent': 'pilot-tracker-webhook/1',
    },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`Webhook ${new URL(url).host} answered ${response.status}`);
}
