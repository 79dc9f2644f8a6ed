import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { repoPath } from '../../helpers/processes.js';
import { DEMO_PASSWORD } from './console-server.js';

/** Debian's Chromium (`apt-get install chromium`); playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const SCREENSHOTS = repoPath('docs/screenshots');

export type Language = 'zh' | 'en';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** One person at one browser: a context of their own (storage, downloads) and the problems its pages logged. */
export class Session {
  readonly problems: string[] = [];
  /** HTTP statuses the current step provokes on purpose (the browser logs every 4xx answer). */
  private expectedStatuses = new Set<number>();

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
    readonly language: Language,
  ) {
    const record = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        const status = Number(/status of (\d{3})/.exec(message.text())?.[1]);
        if (this.expectedStatuses.has(status)) return;
        this.problems.push(`${message.type()}: ${message.text()} (${page.url()})`);
      });
      page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message} (${page.url()})`));
    };
    record(page);
    context.on('page', record);
  }

  /** 1280×800, a desktop the console must be readable on; the browser itself in Beijing time. */
  static async open(browser: Browser, baseUrl: string, language: Language): Promise<Session> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: language === 'zh' ? 'zh-CN' : 'en-GB',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    return new Session(context, await context.newPage(), baseUrl, language);
  }

  /** Switches the interface to this session's language (the switch is on every page). */
  async chooseLanguage(): Promise<void> {
    await this.page.locator('.ant-segmented-item').filter({ hasText: this.language === 'zh' ? '中文' : 'English' }).click();
    await this.page.locator('html').and(this.page.locator(`[lang="${this.language === 'zh' ? 'zh-CN' : 'en'}"]`)).waitFor({ state: 'attached' });
  }

  /** Chooses the interface language on the login page and logs in with a demo account. */
  async login(email: string): Promise<void> {
    const { page } = this;
    await page.goto(`${this.baseUrl}/login`);
    await this.chooseLanguage();
    await page.getByLabel(this.text('邮箱', 'Email')).fill(email);
    await page.getByLabel(this.text('密码', 'Password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: named(this.text('登录', 'Log in')) }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** The next answers with this status are what the step is about (e.g. an import's 400), not a fault. */
  expectStatus(status: number): void {
    this.expectedStatuses.add(status);
  }

  /** The problems logged since the last call; expected statuses are forgotten. */
  takeProblems(): string[] {
    this.expectedStatuses.clear();
    return this.problems.splice(0);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
  }

  /** The Chinese or the English text, as this session's language wants. */
  text(zh: string, en: string): string {
    return this.language === 'zh' ? zh : en;
  }

  async screenshot(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Let charts and transitions settle.
    await this.page.waitForTimeout(400);
    await this.page.screenshot({ path: `${SCREENSHOTS}/${this.language}-${name}.png`, fullPage: options.fullPage ?? false, animations: 'disabled' });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** A button's name: its text, after the name of the icon it may carry. */
export function named(text: string): RegExp {
  return new RegExp(`(^|\\s)${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Picks `option` in an antd Select. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Types a date (YYYY-MM-DD) into an antd DatePicker and commits it. */
export async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}
