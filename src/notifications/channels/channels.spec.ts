import { createHmac } from 'node:crypto';
import { composeEmail } from './email.sender.js';
import type { OutboundNotice } from './notice.js';
import { webhookSignature } from './webhook.sender.js';

const notice = (language: 'zh' | 'en'): OutboundNotice => ({
  id: 'n1',
  kind: 'report_returned',
  title: 'Your 2026-Q3 report was returned',
  body: 'Reviewer\'s note: <add evidence> & data',
  link: { type: 'report', id: 'r1', url: 'https://tracker.example.cn/reports/r1' },
  createdAt: '2026-10-01T00:00:00.000Z',
  recipient: { id: 'u1', email: 'pilot@example.cn', language },
});

describe('outbound channels', () => {
  it('signs the timestamp and body with HMAC-SHA256', () => {
    const expected = createHmac('sha256', 'secret').update('1700000000.{"a":1}').digest('hex');
    expect(webhookSignature('secret', '1700000000', '{"a":1}')).toBe(`sha256=${expected}`);
    expect(webhookSignature('other', '1700000000', '{"a":1}')).not.toBe(`sha256=${expected}`);
  });

  it('writes emails in the recipient\'s language, with text and escaped HTML bodies', () => {
    const zh = composeEmail(notice('zh'), 'noreply@example.cn');
    expect(zh).toMatchObject({ from: 'noreply@example.cn', to: 'pilot@example.cn', subject: 'Your 2026-Q3 report was returned' });
    expect(zh.text).toContain('打开: https://tracker.example.cn/reports/r1');
    expect(zh.html).toContain('&lt;add evidence&gt; &amp; data');
    expect(zh.html).not.toContain('<add evidence>');
    expect(composeEmail(notice('en'), 'noreply@example.cn').text).toContain('Open: https://tracker.example.cn/reports/r1');
  });
});
