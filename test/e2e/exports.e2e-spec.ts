import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { UNKNOWN_ID, type Report } from '../helpers/contract.js';
import { createPeriod, createPilot, createSubmitted, createUser, reportActions, world, type World } from '../helpers/factories.js';
import { API, bearer, bodyOf, expectError, query } from '../helpers/http.js';
import { binary, bytesOf, CSV, csvFile, postFile, readWorkbook, TASK_COLUMNS, XLSX, type Cell } from '../fixtures/spreadsheets.js';

interface TaskImport {
  created: { tasks: number; milestones: number; indicators: number };
  updated: { tasks: number; milestones: number; indicators: number };
}

const NOTHING = { created: { tasks: 0, milestones: 0, indicators: 0 }, updated: { tasks: 0, milestones: 0, indicators: 0 } };
const HEADERS = TASK_COLUMNS.map(([key, zh]) => `${zh} ${key}`);

/** Splits CSV text (as the exports write it: quoted only where needed, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('exports', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const download = (token: string, path: string) => binary(t.http.get(path).set(bearer(token)));
  const importTasks = async (file: Buffer, contentType: string) => bodyOf<TaskImport>(await postFile(t, admin, `${API}/imports/tasks`, file, contentType), 200);

  describe('tasks', () => {
    /** Tasks whose texts a spreadsheet would take for formulas, with and without children. */
    const plan = (pilot: string): Cell[][] => [
      TASK_COLUMNS.map(([key]) => key),
      [pilot, 'F1', '=HYPERLINK("http://evil.example","点击")', 'policy', '@牵头单位', '2025-01-01', '2026-12-31', '+描述, 含逗号\n和换行', '-节点一', '2025-03-31', '指标一', '%', -5.5, 2020, 12.25, 2030, 'increase'],
      [pilot, 'F1', '', '', '', '', '', '', '节点二', '2025-09-30', '=指标二', 't', 100, '', 80, 2030, 'decrease'],
      [pilot, 'F1', '', '', '', '', '', '', '', '', '指标三', 'km', 0, 2021, 10, 2031, 'increase'],
      [pilot, 'F2', '只有任务', 'water', '', '', '2027-01-31', '', '', '', '', '', '', '', '', '', ''],
    ];

    it('exports CSV in the import layout (BOM, formulas neutralised), and importing it changes nothing', async () => {
      const pilot = await createPilot(t);
      expect(await importTasks(csvFile(plan(pilot.code)), CSV)).toMatchObject({ created: { tasks: 2, milestones: 2, indicators: 3 } });

      const response = await download(admin, `${API}/exports/tasks${query({ pilotId: pilot.id })}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?tasks-\d{4}-\d{2}-\d{2}\.csv"?$/);
      const bytes = bytesOf(response);
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const rows = parseCsv(bytes.toString('utf8').slice(1));
      expect(rows[0]).toEqual(HEADERS);
      expect(rows.slice(1).map((row) => row.slice(0, 3))).toEqual([
        [pilot.code, 'F1', `'=HYPERLINK("http://evil.example","点击")`],
        [pilot.code, 'F1', ''],
        [pilot.code, 'F1', ''],
        [pilot.code, 'F2', '只有任务'],
      ]);
      expect(rows[1]).toContain("'@牵头单位");
      expect(rows[1]).toContain("'+描述, 含逗号\n和换行");
      expect(rows[1]).toContain("'-节点一");
      expect(rows[1]).toContain("'-5.5");
      expect(rows[2]).toContain("'=指标二");

      expect(await importTasks(bytes, CSV)).toEqual(NOTHING);
    });

    it('exports xlsx with a frozen header, widths, dates as dates and numbers as numbers; importing it changes nothing', async () => {
      const pilot = await createPilot(t);
      await importTasks(csvFile(plan(pilot.code)), CSV);
      const response = await download(admin, `${API}/exports/tasks${query({ pilotId: pilot.id, format: 'xlsx' })}`);
      expect(response.headers['content-type']).toBe(XLSX);
      const { workbook, sheets } = await readWorkbook(bytesOf(response));
      const sheet = workbook.getWorksheet('tasks')!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(3).width).toBeGreaterThan(20);
      const [header, first] = sheets.get('tasks')!;
      expect(header).toEqual(HEADERS);
      expect(first![2]).toBe('=HYPERLINK("http://evil.example","点击")');
      expect(first![6]).toEqual(new Date('2026-12-31T00:00:00Z'));
      expect(first![12]).toBe(-5.5);
      expect(first![13]).toBe(2020);

      expect(await importTasks(bytesOf(response), XLSX)).toEqual(NOTHING);
    });

    it("keeps to the caller's scope and filters", async () => {
      const hebei = await createPilot(t, { provinceZh: '河北省', provinceEn: 'Hebei' });
      const shanxi = await createPilot(t, { provinceZh: '山西省', provinceEn: 'Shanxi' });
      await importTasks(csvFile([...plan(hebei.code), ...plan(shanxi.code).slice(1)]), CSV);
      const pilotUser = await createUser(t, 'pilot', { pilotId: hebei.id });
      const shanxiReviewer = await createUser(t, 'reviewer', { province: 'Shanxi' });
      const codes = async (token: string, params: Record<string, string>) =>
        new Set(parseCsv(bytesOf(await download(token, `${API}/exports/tasks${query(params)}`)).toString('utf8').slice(1)).slice(1).map((row) => row[0]));

      expect(await codes(pilotUser.token, {})).toEqual(new Set([hebei.code]));
      expect(await codes(pilotUser.token, { pilotId: shanxi.id })).toEqual(new Set());
      expect(await codes(shanxiReviewer.token, { province: '山西省' })).toEqual(new Set([shanxi.code]));
      expect(await codes(shanxiReviewer.token, { pilotId: hebei.id })).toEqual(new Set());
      expect(await codes(admin, { province: '河北省', pilotId: hebei.id })).toEqual(new Set([hebei.code]));
      expectError(await t.as(admin).get(`${API}/exports/tasks?format=pdf`), 400);
    });
  });

  describe('reports', () => {
    let w: World;
    let report: Report;

    beforeAll(async () => {
      w = await world(t, { period: await createPeriod(t, { label: `R-${Date.now()}` }) });
      report = await createSubmitted(t, w);
    });

    it('exports one row per task line, as CSV', async () => {
      const response = await download(admin, `${API}/exports/reports${query({ periodId: w.period.id })}`);
      expect(response.status).toBe(200);
      const [header, ...rows] = parseCsv(bytesOf(response).toString('utf8').slice(1));
      expect(header).toEqual([
        '报告期 period',
        '试点编码 pilot_code',
        '试点名称 pilot_name_zh',
        '试点英文名称 pilot_name_en',
        '任务编码 task_code',
        '任务名称 task_title',
        '任务状态 status',
        '完成进度 percent_complete',
        '已完成节点 milestones_completed',
        '指标值 indicator_values',
        '进展说明 narrative',
        '报告状态 report_status',
        '提交时间 submitted_at',
      ]);
      expect(rows).toEqual([
        [
          w.period.label,
          w.pilot.code,
          w.pilot.nameZh,
          w.pilot.nameEn,
          w.task.code,
          w.task.title,
          'on_track',
          '40',
          `${w.task.milestones[0]!.title} (2024-03-20)`,
          `${w.task.indicators[0]!.name}: 12.5 %`,
          '已完成选址',
          'submitted',
          report.submittedAt,
        ],
      ]);
    });

    it('exports xlsx with percentages as numbers and the submission as a date-time in the app time zone', async () => {
      const response = await download(admin, `${API}/exports/reports${query({ periodId: w.period.id, format: 'xlsx' })}`);
      const { workbook, sheets } = await readWorkbook(bytesOf(response));
      const [, row] = sheets.get('reports')!;
      expect(row![7]).toBe(0.4);
      expect(workbook.getWorksheet('reports')!.getCell('H2').numFmt).toBe('0.0%');
      // Asia/Shanghai is UTC+8: the workbook shows the wall-clock time there.
      const submitted = new Date(report.submittedAt!);
      expect((row![12] as Date).getTime()).toBe(submitted.getTime() + 8 * 3600 * 1000 - (submitted.getTime() % 1000));
    });

    it("shows other pilots' users nothing", async () => {
      const other = await createUser(t, 'pilot', { pilotId: (await createPilot(t)).id });
      const rows = parseCsv(bytesOf(await download(other.token, `${API}/exports/reports${query({ periodId: w.period.id })}`)).toString('utf8').slice(1));
      expect(rows).toHaveLength(1);
      const own = parseCsv(bytesOf(await download(w.pilotUser.token, `${API}/exports/reports`)).toString('utf8').slice(1));
      expect(own.slice(1).map((r) => r[1])).toEqual([w.pilot.code]);
    });
  });

  describe('progress', () => {
    it('exports the sheets overview, by province, by category and by pilot', async () => {
      const period = await createPeriod(t, { label: `P-${Date.now()}` });
      const w = await world(t, { period });
      const accepted = await createSubmitted(t, w);
      bodyOf(await reportActions(t, w).accept(accepted.id), 200);
      await world(t, { period, provinceZh: '山西省', provinceEn: 'Shanxi' });

      const response = await download(admin, `${API}/exports/progress${query({ periodId: period.id })}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toContain(`progress-${period.label}.xlsx`);
      const { workbook, sheets } = await readWorkbook(bytesOf(response));
      expect([...sheets.keys()]).toEqual(['overview', 'by province', 'by category', 'by pilot']);
      workbook.eachSheet((sheet: ExcelJS.Worksheet) => expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 }));

      const [overviewHeader, overview] = sheets.get('overview')!;
      const value = (header: string) => overview![overviewHeader!.indexOf(header)];
      expect(value('报告期 period')).toBe(period.label);
      expect(value('应报送 expected')).toBeGreaterThanOrEqual(2);
      expect(value('已通过 accepted')).toBe(1);
      expect(typeof value('报送率 completeness')).toBe('number');
      expect(value('统计时间 aggregated_at')).toBeInstanceOf(Date);

      const byPilot = sheets.get('by pilot')!;
      const line = byPilot.find((row) => row[0] === w.pilot.code)!;
      expect(line.slice(0, 5)).toEqual([w.pilot.code, w.pilot.nameZh, w.pilot.nameEn, '河北省', 'accepted']);
      expect(line[5]).toBeInstanceOf(Date);
      expect(line[9]).toBe(0.4);
      expect(sheets.get('by province')!.slice(1).map((row) => row[0])).toEqual(expect.arrayContaining(['河北省', '山西省']));
      expect(sheets.get('by category')![1]![0]).toBe('energy');

      const own = await readWorkbook(bytesOf(await download(w.pilotUser.token, `${API}/exports/progress${query({ periodId: period.id })}`)));
      expect(own.sheets.get('by pilot')!.slice(1).map((row) => row[0])).toEqual([w.pilot.code]);
    });

    it('needs a known period', async () => {
      expectError(await t.as(admin).get(`${API}/exports/progress`), 400);
      expectError(await t.as(admin).get(`${API}/exports/progress${query({ periodId: UNKNOWN_ID })}`), 404);
      expectError(await t.as(admin).get(`${API}/exports/progress${query({ periodId: UNKNOWN_ID, format: 'csv' })}`), 400);
    });
  });
});
