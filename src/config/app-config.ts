import { randomBytes } from 'node:crypto';

export type AppRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  nodeEnv: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  appRole: AppRole;
  timezone: string;
  jwt: { secret: string; expiresInSeconds: number; issuer: string; audience: string };
  bootstrapAdmin: { email: string; password: string } | null;
  bodyLimitBytes: number;
  /** Browser origins allowed to call the API cross-origin; none by default. */
  corsOrigins: string[];
  reminders: ReminderConfig;
  channels: ChannelConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export interface ReminderConfig {
  /** Cron pattern (in APP_TIMEZONE) of the daily reminder and escalation scan. */
  cron: string;
  /** deadline_upcoming notices this many days before a due date. */
  daysBefore: number[];
  /** item_overdue notices this many days after a due date. */
  overdueAfter: number[];
  /** escalation notices this many days after a due date. */
  escalateAfter: number[];
}

/** Outbound notification channels; both are off unless configured. */
export interface ChannelConfig {
  webhook: { urls: string[]; secret: string } | null;
  email: { smtpUrl: string; from: string } | null;
  /** Link base for notices, e.g. https://tracker.example.cn */
  publicUrl: string | null;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Reads and validates every variable at once, so a misconfigured deployment learns about all
 * of its mistakes from one failed start instead of one per restart.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name, String(fallback));
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const nodeEnv = read('NODE_ENV', 'development');
  const port = integer('PORT', 3000, 1, 65535);

  const databaseUrl = read('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/pilot_tracker');
  if (!isUrlWithProtocol(databaseUrl, ['postgres:', 'postgresql:'])) {
    problems.push(`DATABASE_URL must be a postgres:// URL (got "${databaseUrl}")`);
  }
  const redisUrl = read('REDIS_URL', 'redis://127.0.0.1:6379');
  if (!isUrlWithProtocol(redisUrl, ['redis:', 'rediss:'])) {
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL (got "${redisUrl}")`);
  }

  const queuePrefix = read('QUEUE_PREFIX', 'pilot-tracker');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(queuePrefix)) {
    problems.push(`QUEUE_PREFIX must be 1-64 letters, digits, "_", "." or "-" (got "${queuePrefix}")`);
  }

  const appRole = read('APP_ROLE', 'all');
  if (!['all', 'api', 'worker'].includes(appRole)) {
    problems.push(`APP_ROLE must be one of all, api, worker (got "${appRole}")`);
  }

  const timezone = read('APP_TIMEZONE', 'Asia/Shanghai');
  if (!isValidTimeZone(timezone)) problems.push(`APP_TIMEZONE must be an IANA time zone (got "${timezone}")`);

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret === '') {
    if (nodeEnv === 'production') problems.push('JWT_SECRET is required when NODE_ENV=production');
    // Outside production a per-process key is fine: tokens simply do not survive a restart.
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }
  const expiresInSeconds = integer('JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600);

  const adminEmail = env.ADMIN_EMAIL ?? '';
  const adminPassword = env.ADMIN_PASSWORD ?? '';
  if ((adminEmail === '') !== (adminPassword === '')) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be given together');
  } else if (adminEmail !== '' && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    problems.push(`ADMIN_EMAIL must be an email address (got "${adminEmail}")`);
  } else if (adminPassword !== '' && adminPassword.length < 10) {
    problems.push('ADMIN_PASSWORD must be at least 10 characters');
  }

  const bodyLimitBytes = integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 512 * 1024 * 1024);

  const dayList = (name: string, fallback: string): number[] => {
    const raw = read(name, fallback);
    const days = raw.split(',').map((part) => part.trim());
    if (days.some((d) => !/^\d{1,3}$/.test(d)) || days.length > 10) {
      problems.push(`${name} must be a comma-separated list of whole days, e.g. "${fallback}" (got "${raw}")`);
      return fallback.split(',').map(Number);
    }
    return [...new Set(days.map(Number))].sort((a, b) => a - b);
  };
  const reminderCron = read('REMINDER_CRON', '0 8 * * *');
  if (reminderCron.trim().split(/\s+/).length !== 5) problems.push(`REMINDER_CRON must be a 5-field cron pattern (got "${reminderCron}")`);
  const corsOrigins = read('CORS_ORIGINS', '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const badOrigin = corsOrigins.find((o) => !isUrlWithProtocol(o, ['http:', 'https:']) || new URL(o).origin !== o);
  if (badOrigin) problems.push(`CORS_ORIGINS must list origins such as https://console.example.cn (got "${badOrigin}")`);

  const webhookUrls = read('WEBHOOK_URLS', '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const badWebhook = webhookUrls.find((u) => !isUrlWithProtocol(u, ['http:', 'https:']));
  if (badWebhook) problems.push(`WEBHOOK_URLS must hold http(s) URLs separated by commas (got "${badWebhook}")`);
  const webhookSecret = read('WEBHOOK_SECRET', '');
  if (webhookUrls.length && webhookSecret.length < 16) problems.push('WEBHOOK_SECRET of at least 16 characters is required with WEBHOOK_URLS');
  const smtpUrl = read('SMTP_URL', '');
  if (smtpUrl && !isUrlWithProtocol(smtpUrl, ['smtp:', 'smtps:'])) problems.push(`SMTP_URL must be an smtp:// or smtps:// URL (got "${smtpUrl}")`);
  const mailFrom = read('MAIL_FROM', '');
  if (smtpUrl && !/^[^\s@]+@[^\s@]+$|<[^\s@]+@[^\s@]+>$/.test(mailFrom)) problems.push('MAIL_FROM (an email address) is required with SMTP_URL');
  const publicUrl = read('PUBLIC_URL', '');
  if (publicUrl && !isUrlWithProtocol(publicUrl, ['http:', 'https:'])) problems.push(`PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  const channels: ChannelConfig = {
    webhook: webhookUrls.length ? { urls: webhookUrls, secret: webhookSecret } : null,
    email: smtpUrl ? { smtpUrl, from: mailFrom } : null,
    publicUrl: publicUrl ? publicUrl.replace(/\/$/, '') : null,
  };

  const reminders: ReminderConfig = {
    cron: reminderCron,
    daysBefore: dayList('REMINDER_DAYS_BEFORE', '7,1'),
    overdueAfter: dayList('OVERDUE_NOTICE_AFTER_DAYS', '1'),
    escalateAfter: dayList('ESCALATION_AFTER_DAYS', '7,30'),
  };

  const logLevel = read('LOG_LEVEL', 'log');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  if (problems.length > 0) throw new ConfigValidationError(problems);

  return {
    nodeEnv,
    port,
    databaseUrl,
    redisUrl,
    queuePrefix,
    appRole: appRole as AppRole,
    timezone,
    jwt: { secret: jwtSecret, expiresInSeconds, issuer: 'pilot-tracker', audience: 'pilot-tracker-api' },
    bootstrapAdmin: adminEmail ? { email: adminEmail.toLowerCase(), password: adminPassword } : null,
    bodyLimitBytes,
    corsOrigins,
    reminders,
    channels,
    logLevel: logLevel as AppConfig['logLevel'],
  };
}
