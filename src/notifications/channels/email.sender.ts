import nodemailer, { type Transporter } from 'nodemailer';
import type { OutboundNotice } from './notice.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FOOTER = {
  zh: { open: '打开', signature: '国家碳达峰试点进展跟踪系统' },
  en: { open: 'Open', signature: 'Carbon-peaking pilot tracker' },
} as const;

/** The message in the recipient's language: a plain-text and an HTML body. */
export function composeEmail(notice: OutboundNotice, from: string) {
  const footer = FOOTER[notice.recipient.language];
  const link = notice.link.url ? `\n\n${footer.open}: ${notice.link.url}` : '';
  const htmlLink = notice.link.url ? `<p><a href="${escapeHtml(notice.link.url)}">${footer.open}</a></p>` : '';
  return {
    from,
    to: notice.recipient.email,
    subject: notice.title,
    text: `${notice.body}${link}\n\n— ${footer.signature}`,
    html: `<p>${escapeHtml(notice.body)}</p>${htmlLink}<p style="color:#888">— ${escapeHtml(footer.signature)}</p>`,
  };
}

/** One SMTP transport per process, created on first use. */
export class EmailSender {
  private transporter: Transporter | null = null;

  constructor(private readonly smtpUrl: string, private readonly from: string) {}

  async send(notice: OutboundNotice): Promise<void> {
    this.transporter ??= nodemailer.createTransport(this.smtpUrl);
    await this.transporter.sendMail(composeEmail(notice, this.from));
  }

  close(): void {
    this.transporter?.close();
  }
}
