import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { choose, launchChromium, named, Session, typeDate, type Language } from './support/browser.js';
import { demoLogin, startConsoleServer, type ConsoleServer } from './support/console-server.js';

/**
 * The journey of issue 6 in a real browser (Debian's Chromium) against the built application,
 * its workers, PostgreSQL and Redis — once in Chinese and once in English, each with its own
 * pilot: a pilot fills the current period's report (two tabs never overwrite each other) and
 * submits it; a reviewer returns it with a note; the pilot sees the notice, fixes and
 * resubmits; the reviewer accepts, recommends an experience, requests a PDF summary and
 * downloads it; an admin imports tasks from a spreadsheet (dry run first), looks at the overdue
 * dashboard and exports it.
 */

const PERIOD = '2026-Q4';

interface Journey {
  language: Language;
  pilot: { login: string; name: string };
  importedTask: string;
  note: string;
}

const JOURNEYS: Journey[] = [
  { language: 'zh', pilot: { login: 'zhangjiakou', name: '张家口市' }, importedTask: 'T91', note: '请补充屋顶光伏装机容量的统计口径。' },
  { language: 'en', pilot: { login: 'tangshan', name: 'Tangshan' }, importedTask: 'T92', note: 'Please say how the installed PV capacity was measured.' },
];

let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(JOURNEYS)('the console in $language', (journey) => {
  const { language } = journey;
  let pilot: Session;
  let reviewer: Session;
  let admin: Session;
  let reportUrl: string;

  beforeAll(async () => {
    [pilot, reviewer, admin] = await Promise.all([0, 1, 2].map(() => Session.open(browser, server.baseUrl, language)));
  });

  afterAll(async () => {
    await Promise.all([pilot, reviewer, admin].map((session) => session?.close()));
  });

  afterEach(() => {
    // No page of the journey may log an error or a warning in the browser console.
    for (const session of [pilot, reviewer, admin]) {
      const problems = session?.takeProblems() ?? [];
      expect(problems).toEqual([]);
    }
  });

  it('lets pilot staff log in and fill the current period’s report, saving the draft as they type', async () => {
    const { page } = pilot;
    await pilot.goto('/login');
    await pilot.chooseLanguage();
    await pilot.screenshot('login');
    await pilot.login(demoLogin(journey.pilot.login));
    await page.waitForURL('**/my/report');
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(PERIOD);

    await page.getByLabel(pilot.text('本期总体进展', 'Overall progress this period')).fill(pilot.text('本期各项任务总体按计划推进。', 'Tasks progressed to plan this period.'));
    const task = page.getByTestId('task-line-T01');
    await choose(page, task.getByLabel(pilot.text('状态', 'Status')), pilot.text('按计划推进', 'On track'));
    await task.getByLabel(pilot.text('完成进度', '% complete')).fill('40');
    await task.getByRole('checkbox', { name: /Rooftop resource survey completed/ }).check();
    await typeDate(task.getByLabel(/Rooftop resource survey completed/).and(page.locator('input[placeholder]')), '2026-03-28');
    await task.getByLabel(pilot.text('进展说明', 'Narrative')).fill(pilot.text('完成屋顶资源普查，首批项目开工。', 'Rooftop survey done; first projects started.'));
    await page.getByRole('spinbutton', { name: /Non-fossil share of energy use/ }).fill('16.5');

    await page.getByRole('button', { name: pilot.text('添加经验做法', 'Add an experience') }).click();
    await page.getByLabel(pilot.text('标题', 'Title'), { exact: true }).fill(pilot.text('屋顶光伏统一规划模式', 'One plan for all rooftops'));
    await choose(page, page.getByLabel(pilot.text('类别', 'Category'), { exact: true }), pilot.text('能源', 'Energy'));
    await page.getByLabel(pilot.text('主要做法与成效', 'What was done and what it achieved')).fill(pilot.text('县域统一摸排屋顶资源，统一招标。', 'Rooftops surveyed county-wide and tendered together.'));

    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await pilot.screenshot('report-form');
  });

  it('never lets two tabs overwrite each other: the stale one says so and offers to reload', async () => {
    const { page } = pilot;
    const summary = pilot.text('本期总体进展', 'Overall progress this period');
    const other = await pilot.context.newPage();
    await other.goto(page.url());
    await other.getByLabel(summary).fill(pilot.text('另一个标签页写的总体进展。', 'Written in another tab.'));
    await other.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await other.close();

    pilot.expectStatus(412);
    await page.getByLabel(summary).fill(pilot.text('这个标签页的旧内容。', 'This tab is stale.'));
    await page.getByText(pilot.text('此报告已在另一个窗口或由其他人保存', 'This report was saved in another window or by someone else')).waitFor();
    await page.getByRole('button', { name: named(pilot.text('重新加载', 'Reload')) }).click();
    await expect(page.getByLabel(summary).inputValue()).resolves.toBe(pilot.text('另一个标签页写的总体进展。', 'Written in another tab.'));
  });

  it('shows a field error next to the field and submits only after a confirmation', async () => {
    const { page } = pilot;
    const percent = page.getByTestId('task-line-T02').getByLabel(pilot.text('完成进度', '% complete'));
    await percent.fill('');
    await page.getByRole('button', { name: pilot.text('提交报告', 'Submit report') }).click();
    await page.getByText(pilot.text('此项必填', 'Required')).first().waitFor();
    await percent.fill('25');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

    await page.getByRole('button', { name: pilot.text('提交报告', 'Submit report') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(pilot.text(`确认提交 ${PERIOD} 进展报告？`, `Submit the ${PERIOD} progress report?`)).filter({ visible: true }).waitFor();
    await dialog.getByRole('button', { name: pilot.text('提交报告', 'Submit report') }).click();
    await page.getByText(pilot.text('报告已提交，等待审核。', 'Report submitted for review.')).waitFor();
    await page.locator('.ant-tag').filter({ hasText: pilot.text('待审核', 'Awaiting review') }).first().waitFor();
  });

  it('lets a reviewer find the report in the inbox and return it with a note', async () => {
    const { page } = reviewer;
    await reviewer.login(demoLogin('reviewer'));
    await page.waitForURL('**/review');
    await choose(page, page.getByRole('search').getByLabel(reviewer.text('报告期', 'Period')), PERIOD);
    const row = page.getByRole('row').filter({ hasText: journey.pilot.name });
    await row.waitFor();
    await reviewer.screenshot('inbox');
    await row.getByRole('button').click();
    await page.waitForURL('**/reports/*');
    reportUrl = new URL(page.url()).pathname;
    await page.getByText(reviewer.text('上期已通过报告（2026-Q3）', 'Last accepted report (2026-Q3)')).waitFor();
    await reviewer.screenshot('review', { fullPage: true });

    await page.getByRole('button', { name: named(reviewer.text('退回', 'Return')) }).click();
    const dialog = page.getByRole('dialog');
    // The note is required.
    await dialog.getByRole('button', { name: named(reviewer.text('退回', 'Return')) }).click();
    await dialog.getByText(reviewer.text('退回报告必须填写审核意见', 'A returned report needs a note')).waitFor();
    await dialog.getByLabel(reviewer.text('审核意见', 'Note to the pilot')).fill(journey.note);
    await dialog.getByRole('button', { name: named(reviewer.text('退回', 'Return')) }).click();
    await page.getByText(reviewer.text('报告已退回，等待试点修改后重新提交。', 'The report was returned; the pilot is fixing it.')).waitFor();
  });

  it('tells the pilot: a notification with the note, which leads to the report to fix and resubmit', async () => {
    const { page } = pilot;
    const bell = page.getByRole('button', { name: /条未读|unread/ });
    const notice = page.getByRole('button').filter({ hasText: journey.note });
    // The notice is written with the return itself; the page learns of it when it next loads.
    await page.reload();
    await bell.click();
    await notice.waitFor();
    await pilot.screenshot('notifications');
    await notice.click();
    await page.waitForURL(`**${reportUrl}`);
    await page.getByTestId('review-note').filter({ hasText: journey.note }).waitFor();

    await page.getByRole('button', { name: pilot.text('修改报告', 'Edit report') }).click();
    await page.getByTestId('return-note').filter({ hasText: journey.note }).waitFor();
    await page.getByTestId('task-line-T01').getByLabel(pilot.text('完成进度', '% complete')).fill('45');
    await page.getByTestId('task-line-T01').getByLabel(pilot.text('进展说明', 'Narrative')).fill(pilot.text('装机容量按并网口径统计。', 'Capacity is counted when connected to the grid.'));
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.getByRole('button', { name: pilot.text('提交报告', 'Submit report') }).click();
    await page.getByRole('dialog').getByRole('button', { name: pilot.text('提交报告', 'Submit report') }).click();
    await page.getByText(pilot.text('报告已提交，等待审核。', 'Report submitted for review.')).waitFor();
  });

  it('lets the reviewer see what changed, accept the report and recommend its experience', async () => {
    const { page } = reviewer;
    await reviewer.goto(reportUrl);
    await page.getByText(reviewer.text('本报告第 1 版', 'Revision 1 of this report')).click();
    await page.locator('.changed-cell').first().waitFor();
    await page.getByRole('button', { name: named(reviewer.text('通过', 'Accept')) }).click();
    await page.getByRole('dialog').getByRole('button', { name: named(reviewer.text('通过', 'Accept')) }).click();
    await page.getByText(reviewer.text('报告已通过审核。', 'The report has been accepted.')).waitFor();

    await page.getByRole('switch', { name: new RegExp(reviewer.text('推荐经验做法', 'Recommend the experience')) }).click();
    await page.getByText(reviewer.text('已推荐该经验做法', 'Experience recommended')).waitFor();
    await reviewer.screenshot('review-accepted', { fullPage: true });
  });

  it('shows the period’s progress with charts', async () => {
    const { page } = reviewer;
    await reviewer.goto('/progress');
    await page.locator('[role="figure"] svg').first().waitFor();
    await reviewer.screenshot('progress', { fullPage: true });
  });

  it('lets the reviewer request a PDF summary, watch it render and download it', async () => {
    const { page } = reviewer;
    await reviewer.goto('/summaries');
    await page.getByRole('main').getByRole('radio', { name: language === 'zh' ? '中文' : 'English' }).check({ force: true });
    await page.getByRole('button', { name: reviewer.text('生成 PDF', 'Create PDF') }).click();
    // Each journey requests one summary, in its own language.
    const row = page.getByRole('row').filter({ hasText: language === 'zh' ? '中文' : 'English' });
    const download = row.getByRole('button', { name: new RegExp(reviewer.text('下载', 'Download')) });
    await download.waitFor({ timeout: 90_000 });
    await reviewer.screenshot('summaries');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('lets an admin import tasks from a spreadsheet, with a dry run and the bad cells listed first', async () => {
    const { page } = admin;
    await admin.login(demoLogin('admin'));
    await admin.goto('/admin/import');
    admin.expectStatus(400);
    const header = 'pilot_code,task_code,title,category,due_date,milestone_title,milestone_due_date';
    const bad = `${header}\nordos,${journey.importedTask},绿色建材推广 Green building materials,buildings,2027-02-30,,\n`;
    await page.locator('input[type="file"]').setInputFiles({ name: 'tasks.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: admin.text('试运行（不写入）', 'Dry run (writes nothing)') }).click();
    await page.getByRole('cell', { name: 'due_date' }).waitFor();
    await admin.screenshot('import-errors');

    const good = `${header}\nordos,${journey.importedTask},绿色建材推广 Green building materials,buildings,2027-06-30,应用目录发布 Catalogue published,2027-03-31\n`;
    await page.locator('input[type="file"]').setInputFiles({ name: 'tasks.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: admin.text('试运行（不写入）', 'Dry run (writes nothing)') }).click();
    await page.getByText(admin.text('试运行通过，未写入任何数据。可以正式导入。', 'The dry run passed and nothing was written. You can import now.')).waitFor();
    await page.getByRole('button', { name: named(admin.text('正式导入', 'Import')) }).click();
    await page.getByText(admin.text('导入完成', 'Import finished')).first().waitFor();
  });

  it('shows the admin the overdue dashboard and exports it as CSV', async () => {
    const { page } = admin;
    await admin.goto('/overdue');
    await page.getByRole('row').filter({ hasText: admin.text('天', 'days') }).first().waitFor();
    await admin.screenshot('overdue');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: admin.text('导出 CSV', 'Export CSV') }).click()]);
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(2);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
  });
});
