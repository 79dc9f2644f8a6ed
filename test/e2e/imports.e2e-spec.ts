import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { SAMPLE_TASKS_FILE } from '../../src/cli/seed/seed-sample-import.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Page, Pilot, Task } from '../helpers/contract.js';
import { createPeriod, createPilot, createUser, uniq } from '../helpers/factories.js';
import { waitForQueuesIdle } from '../helpers/workers.js';
import { API, bearer, bodyOf, expectError } from '../helpers/http.js';
import {
  binary,
  bytesOf,
  CSV,
  csvFile,
  postFile,
  readWorkbook,
  TASK_COLUMNS,
  XLSX,
  xlsxFile,
  type Cell,
} from '../fixtures/spreadsheets.js';

interface Counts {
  tasks: number;
  milestones: number;
  indicators: number;
}
interface TaskImport {
  created: Counts;
  updated: Counts;
}
interface ImportError {
  row: number | null;
  column: string | null;
  message: string;
}

const KEYS = TASK_COLUMNS.map(([key]) => key);
const ZERO: Counts = { tasks: 0, milestones: 0, indicators: 0 };

/** A task sheet row from named values, in template column order. */
const taskRow = (values: Partial<Record<(typeof KEYS)[number], Cell>>): Cell[] => KEYS.map((key) => values[key] ?? null);

describe('imports', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const importTasks = (file: Buffer | string, contentType = CSV, query = '') => postFile(t, admin, `${API}/imports/tasks${query}`, file, contentType);
  const importPilots = (file: Buffer | string, contentType = CSV, query = '') => postFile(t, admin, `${API}/imports/pilots${query}`, file, contentType);
  const tasksOf = async (pilotId: string) =>
    bodyOf<Page<Task>>(await t.as(admin).get(`${API}/pilots/${pilotId}/tasks?limit=500`), 200).items;
  const errorsOf = (response: { body: unknown }) => (response.body as { errors: ImportError[] }).errors;

  /** Two tasks of `pilot`: T1 with two milestones and one indicator, T2 with one milestone. */
  const twoTasks = (pilot: string): Cell[][] => [
    KEYS.map((key) => key),
    taskRow({
      pilot_code: pilot,
      task_code: 'T1',
      title: '屋顶光伏, 整县推进',
      category: 'energy',
      lead_unit: '市能源局',
      start_date: '2025-01-01',
      due_date: '2026-12-31',
      description: '第一行\n第二行，"引号"',
      milestone_title: '完成普查',
      milestone_due_date: '2025-06-30',
      indicator_name: '非化石能源占比',
      indicator_unit: '%',
      baseline: 12.5,
      baseline_year: 2020,
      target: 25,
      target_year: 2030,
      direction: 'increase',
    }),
    taskRow({ pilot_code: pilot, task_code: 'T1', milestone_title: '首批并网', milestone_due_date: '2026-06-30' }),
    taskRow({ pilot_code: pilot, task_code: 'T2', title: '公交电动化', category: 'transport', due_date: '2027-06-30', milestone_title: '采购完成', milestone_due_date: '2026-10-31' }),
  ];

  describe('tasks', () => {
    it('has the workers recount every period\'s progress with the imported deadlines', async () => {
      const province = uniq('导入省');
      const pilot = await createPilot(t, { provinceZh: province, provinceEn: province });
      const period = await createPeriod(t, { startDate: '2025-04-01', endDate: '2025-06-30', dueDate: '2025-07-15' });
      const milestonesDue = async () => {
        await waitForQueuesIdle(t.app);
        const progress = bodyOf<{ milestones: { due: number } }>(await t.as(admin).get(`${API}/periods/${period.id}/progress?province=${encodeURIComponent(province)}`), 200);
        return progress.milestones.due;
      };
      expect(await milestonesDue()).toBe(0);
      bodyOf(await importTasks(csvFile(twoTasks(pilot.code))), 200);
      // T1's first milestone is due 2025-06-30, the period's last day.
      expect(await milestonesDue()).toBe(1);
    });

    it('imports a CSV with quoted commas and newlines, then answers zeros for the same file again', async () => {
      const pilot = await createPilot(t);
      const file = csvFile(twoTasks(pilot.code));
      expect(bodyOf<TaskImport>(await importTasks(file), 200)).toEqual({
        created: { tasks: 2, milestones: 3, indicators: 1 },
        updated: ZERO,
      });
      const tasks = await tasksOf(pilot.id);
      expect(tasks.map((task) => task.code)).toEqual(['T1', 'T2']);
      expect(tasks[0]).toMatchObject({
        title: '屋顶光伏, 整县推进',
        description: '第一行\n第二行，"引号"',
        leadUnit: '市能源局',
        startDate: '2025-01-01',
        dueDate: '2026-12-31',
        milestones: [
          { title: '完成普查', dueDate: '2025-06-30' },
          { title: '首批并网', dueDate: '2026-06-30' },
        ],
        indicators: [{ name: '非化石能源占比', unit: '%', baseline: 12.5, baselineYear: 2020, target: 25, targetYear: 2030, direction: 'increase' }],
      });
      expect(bodyOf<TaskImport>(await importTasks(file), 200)).toEqual({ created: ZERO, updated: ZERO });
    });

    it('reads a UTF-8 BOM, and headers in Chinese or in both languages', async () => {
      const pilot = await createPilot(t);
      const rows = twoTasks(pilot.code);
      rows[0] = TASK_COLUMNS.map(([key, zh], index) => (index % 2 === 0 ? zh : `${zh} ${key}`));
      expect(bodyOf<TaskImport>(await importTasks(csvFile(rows, { bom: true })), 200).created).toEqual({ tasks: 2, milestones: 3, indicators: 1 });
    });

    it('updates only what changed: blank cells keep stored values, children are matched by name', async () => {
      const pilot = await createPilot(t);
      bodyOf(await importTasks(csvFile(twoTasks(pilot.code))), 200);
      const change: Cell[][] = [
        ['pilot_code', 'task_code', 'title', 'milestone_title', 'milestone_due_date', 'indicator_name', 'target'],
        [pilot.code, 'T1', '屋顶光伏 (修订)', '首批并网', '2026-07-31', '非化石能源占比', 30],
        [pilot.code, 'T1', '', '新增节点', '2026-09-30', '', ''],
        [pilot.code, 'T2', '', '', '', '', ''],
      ];
      expect(bodyOf<TaskImport>(await importTasks(csvFile(change)), 200)).toEqual({
        created: { tasks: 0, milestones: 1, indicators: 0 },
        updated: { tasks: 1, milestones: 1, indicators: 1 },
      });
      const [t1, t2] = await tasksOf(pilot.id);
      expect(t1).toMatchObject({ title: '屋顶光伏 (修订)', category: 'energy', leadUnit: '市能源局', dueDate: '2026-12-31' });
      expect(t1!.milestones.map((m) => [m.title, m.dueDate])).toEqual([
        ['完成普查', '2025-06-30'],
        ['首批并网', '2026-07-31'],
        ['新增节点', '2026-09-30'],
      ]);
      expect(t1!.indicators[0]).toMatchObject({ baseline: 12.5, target: 30 });
      expect(t2).toMatchObject({ title: '公交电动化', category: 'transport' });
    });

    it('answers the same with dryRun=true and writes nothing', async () => {
      const pilot = await createPilot(t);
      const file = csvFile(twoTasks(pilot.code));
      expect(bodyOf<TaskImport>(await importTasks(file, CSV, '?dryRun=true'), 200).created).toEqual({ tasks: 2, milestones: 3, indicators: 1 });
      expect(await tasksOf(pilot.id)).toEqual([]);
      expectError(await importTasks(file, CSV, '?dryRun=maybe'), 400);
    });

    it('imports an .xlsx written by exceljs, dates as date cells and numbers as numbers', async () => {
      const pilot = await createPilot(t);
      const rows = twoTasks(pilot.code).map((row, index) =>
        index === 0 ? row : row.map((cell, column) => (KEYS[column]!.endsWith('date') && typeof cell === 'string' ? new Date(`${cell}T00:00:00Z`) : cell)),
      );
      expect(bodyOf<TaskImport>(await importTasks(await xlsxFile(rows), XLSX), 200).created).toEqual({ tasks: 2, milestones: 3, indicators: 1 });
      const [t1] = await tasksOf(pilot.id);
      expect(t1).toMatchObject({ startDate: '2025-01-01', dueDate: '2026-12-31', indicators: [{ baseline: 12.5, target: 25 }] });
    });

    it('judges the file by its bytes, not its declared type', async () => {
      const pilot = await createPilot(t);
      const workbook = await xlsxFile(twoTasks(pilot.code));
      expect(bodyOf<TaskImport>(await importTasks(workbook, CSV), 200).created.tasks).toBe(2);
      expectError(await importTasks(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), CSV), 415);
    });

    it('imports the sample workbook written by LibreOffice, headed in Chinese only', async () => {
      const pilots: Cell[][] = [
        ['code', 'kind', 'name_zh', 'name_en', 'province_zh', 'province_en'],
        ['zhangjiakou', 'city', '张家口市', 'Zhangjiakou', '河北省', 'Hebei'],
        ['tangshan', 'city', '唐山市', 'Tangshan', '河北省', 'Hebei'],
        ['taiyuan', 'city', '太原市', 'Taiyuan', '山西省', 'Shanxi'],
        ['ordos', 'city', '鄂尔多斯市', 'Ordos', '内蒙古自治区', 'Inner Mongolia'],
      ];
      bodyOf(await importPilots(csvFile(pilots)), 200);
      // The workbook the demo seed imports.
      const sample = await readFile(SAMPLE_TASKS_FILE);
      expect(bodyOf<TaskImport>(await importTasks(sample, XLSX), 200)).toEqual({
        created: { tasks: 5, milestones: 10, indicators: 7 },
        updated: ZERO,
      });
      const [ordos] = bodyOf<Page<Pilot>>(await t.as(admin).get(`${API}/pilots?province=Inner%20Mongolia`), 200).items;
      expect((await tasksOf(ordos!.id))[0]).toMatchObject({ code: 'S01', category: 'carbon_sink', dueDate: '2028-12-31' });
      expect(bodyOf<TaskImport>(await importTasks(sample, XLSX), 200)).toEqual({ created: ZERO, updated: ZERO });
    });

    it('reports every bad cell with its row and column, and writes nothing', async () => {
      const pilot = await createPilot(t);
      const rows: Cell[][] = [
        [...KEYS, 'priority'],
        taskRow({ pilot_code: pilot.code, task_code: 'A1', title: 'ok', category: 'farming', due_date: '2025-02-30', milestone_title: 'm', milestone_due_date: '2025/13/01' }),
        taskRow({ pilot_code: 'no-such-pilot', task_code: 'A2', title: 'x', category: 'energy', due_date: '2025-12-31' }),
        taskRow({ pilot_code: pilot.code, task_code: 'A3', title: 'x', category: 'energy', start_date: '2026-01-01', due_date: '2025-12-31' }),
        taskRow({ pilot_code: pilot.code, task_code: 'A4', category: 'energy', indicator_name: 'i', indicator_unit: 't', baseline: 'ten', baseline_year: 1800, target: 5, target_year: 2030, direction: 'up' }),
        taskRow({ pilot_code: pilot.code, task_code: 'A5', title: 'x'.repeat(301), category: 'energy', due_date: '2025-12-31', milestone_due_date: '2025-06-30' }),
        taskRow({ pilot_code: pilot.code, task_code: 'A5', title: 'another title' }),
        taskRow({ pilot_code: pilot.code, task_code: 'bad code!', title: 'x', category: 'energy', due_date: '2025-12-31' }),
        taskRow({ pilot_code: pilot.code, task_code: 'A6', title: 'x', category: 'energy', due_date: '2025-12-31', indicator_name: 'new indicator', indicator_unit: '%' }),
        taskRow({ task_code: 'A7', title: 'x' }),
      ];
      const response = await importTasks(csvFile(rows));
      expectError(response, 400);
      const errors = errorsOf(response);
      const at = (row: number | null, column: string | null) => errors.filter((e) => e.row === row && e.column === column);
      expect(at(1, 'priority')).toHaveLength(1);
      expect(at(2, 'category')[0]!.message).toMatch(/one of energy/);
      expect(at(2, 'due_date')[0]!.message).toMatch(/calendar date/);
      expect(at(2, 'milestone_due_date')).toHaveLength(1);
      expect(at(3, 'pilot_code')[0]!.message).toMatch(/unknown pilot code "no-such-pilot"/);
      expect(at(4, 'start_date')[0]!.message).toMatch(/must not be after/);
      expect(at(5, 'baseline')[0]!.message).toMatch(/number/);
      expect(at(5, 'baseline_year')[0]!.message).toMatch(/year from 1900/);
      expect(at(5, 'direction')[0]!.message).toMatch(/increase, decrease/);
      expect(at(5, 'title')[0]!.message).toMatch(/required for a new task/);
      expect(at(5, 'due_date')[0]!.message).toMatch(/required for a new task/);
      expect(at(6, 'title')[0]!.message).toMatch(/at most 300/);
      expect(at(6, 'milestone_title')[0]!.message).toMatch(/required when milestone_due_date/);
      expect(at(7, 'title')).toHaveLength(0);
      expect(at(8, 'task_code')[0]!.message).toMatch(/letters, digits/);
      expect(at(9, 'baseline')[0]!.message).toMatch(/required for a new indicator/);
      expect(at(9, 'direction')[0]!.message).toMatch(/required for a new indicator/);
      expect(at(10, 'pilot_code')[0]!.message).toMatch(/required on every row/);
      expect(errors).toHaveLength(19);
      expect(await tasksOf(pilot.id)).toEqual([]);
    });

    it('reports a later row that contradicts an earlier one of the same task', async () => {
      const pilot = await createPilot(t);
      const rows: Cell[][] = [
        ['pilot_code', 'task_code', 'title', 'category', 'due_date'],
        [pilot.code, 'B1', 'first', 'energy', '2025-12-31'],
        [pilot.code, 'B1', 'second', '', ''],
      ];
      const response = await importTasks(csvFile(rows));
      expectError(response, 400);
      expect(errorsOf(response)).toEqual([{ row: 3, column: 'title', message: 'differs from row 2, which gives "first"' }]);
    });

    it('names missing key columns and refuses an empty file', async () => {
      const response = await importTasks(csvFile([['task_code', 'title'], ['T1', 'x']]));
      expectError(response, 400);
      expect(errorsOf(response)).toEqual([{ row: null, column: 'pilot_code', message: 'column pilot_code (试点编码) is missing' }]);
      expectError(await importTasks(Buffer.alloc(0)), 400);
    });

    it('refuses CSV that is not UTF-8', async () => {
      const pilot = await createPilot(t);
      // 屋顶光伏 in GBK, as Excel saves "CSV" on a Chinese Windows.
      const gbk = Buffer.concat([
        Buffer.from(`pilot_code,task_code,title,category,due_date\r\n${pilot.code},G1,`),
        Buffer.from('ceddb6a5b9e2b7fc', 'hex'),
        Buffer.from(',energy,2025-12-31\r\n'),
      ]);
      const response = await importTasks(gbk);
      expectError(response, 400);
      expect(errorsOf(response)[0]).toMatchObject({ row: null, column: null, message: expect.stringMatching(/not UTF-8/) });
    });

    it('refuses (415) a body that is neither CSV nor XLSX, and keeps JSON routes JSON-only', async () => {
      expectError(await t.as(admin).post(`${API}/imports/tasks`, { pilot_code: 'x' }), 415);
      expectError(await importTasks('pilot_code,task_code\n', 'text/plain'), 415);
      expectError(await postFile(t, admin, `${API}/pilots`, 'code,kind\n', CSV), 415);
      expectError(await t.http.post(`${API}/pilots`).set(bearer(admin)).attach('file', Buffer.from('x'), 'x.csv'), 415);
    });

    it('answers 413 for a file over 50 MiB or over 500,000 rows', async () => {
      const huge = Buffer.alloc(50 * 1024 * 1024 + 1, 0x41);
      expectError(await importTasks(huge), 413);
      const rows = `pilot_code,task_code\r\n${'p,T1\r\n'.repeat(500_000)}`;
      expectError(await importTasks(rows), 413);
    }, 60_000);

    it('is for admins only', async () => {
      const reviewer = await createUser(t, 'reviewer');
      expectError(await postFile(t, reviewer.token, `${API}/imports/tasks`, 'pilot_code,task_code\n', CSV), 403);
      expectError(await t.as(reviewer.token).get(`${API}/imports/tasks/template`), 403);
    });

    it('records the import in the audit trail', async () => {
      const pilot = await createPilot(t);
      bodyOf(await importTasks(csvFile(twoTasks(pilot.code))), 200);
      const [event] = await t.app
        .get(DataSource)
        .query(`SELECT details FROM audit_events WHERE action = 'import.tasks' ORDER BY at DESC LIMIT 1`);
      expect(event.details).toMatchObject({ format: 'csv', created: { tasks: 2, milestones: 3, indicators: 1 } });
    });
  });

  describe('pilots', () => {
    it('creates, then updates only changed pilots; a batch defaults to 1', async () => {
      const [a, b] = [uniq('pa-'), uniq('pb-')];
      const rows: Cell[][] = [
        ['试点编码 code', '类型 kind', '中文名称 name_zh', '英文名称 name_en', '省份 province_zh', '省份英文 province_en', '批次 batch'],
        [a, 'city', '甲市', 'City A', '河北省', 'Hebei', 2],
        [b, 'park', '乙园区', 'Park B', '山西省', 'Shanxi', ''],
      ];
      expect(bodyOf(await importPilots(csvFile(rows, { bom: true })), 200)).toEqual({ created: { pilots: 2 }, updated: { pilots: 0 } });
      expect(bodyOf(await importPilots(csvFile(rows)), 200)).toEqual({ created: { pilots: 0 }, updated: { pilots: 0 } });
      const rename: Cell[][] = [['code', 'name_en'], [a, 'City A (renamed)'], [b, 'Park B']];
      expect(bodyOf(await importPilots(csvFile(rename)), 200)).toEqual({ created: { pilots: 0 }, updated: { pilots: 1 } });
      const pilots = bodyOf<Page<Pilot>>(await t.as(admin).get(`${API}/pilots?limit=500`), 200).items;
      expect(pilots.find((p) => p.code === a)).toMatchObject({ nameEn: 'City A (renamed)', nameZh: '甲市', batch: 2 });
      expect(pilots.find((p) => p.code === b)).toMatchObject({ kind: 'park', batch: 1 });
    });

    it('needs every name of a new pilot', async () => {
      const response = await importPilots(csvFile([['code', 'kind', 'name_zh'], [uniq('pc-'), 'town', '丙市']]));
      expectError(response, 400);
      expect(errorsOf(response).map((e) => [e.row, e.column])).toEqual([
        [2, 'kind'],
        [2, 'name_en'],
        [2, 'province_zh'],
        [2, 'province_en'],
      ]);
    });
  });

  describe('templates', () => {
    it('downloads the task template as CSV with both header languages and an example row that does not import', async () => {
      const response = await binary(t.http.get(`${API}/imports/tasks/template`).set(bearer(admin)));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?task-import-template\.csv"?$/);
      const text = bytesOf(response).toString('utf8');
      expect(text.startsWith('\ufeff试点编码 pilot_code,任务编码 task_code,')).toBe(true);
      expect(text).toContain('example-pilot');
      const refused = await importTasks(bytesOf(response));
      expectError(refused, 400);
      expect(errorsOf(refused)).toEqual([{ row: 2, column: 'pilot_code', message: expect.stringMatching(/template's example row/) }]);
    });

    it('downloads both templates as xlsx; the pilot template does not import unchanged either', async () => {
      const tasks = await binary(t.http.get(`${API}/imports/tasks/template?format=xlsx`).set(bearer(admin)));
      expect(tasks.headers['content-type']).toBe(XLSX);
      const { sheets } = await readWorkbook(bytesOf(tasks));
      const [header, example] = sheets.get('tasks')!;
      expect(header).toEqual(TASK_COLUMNS.map(([key, zh]) => `${zh} ${key}`));
      expect(example![0]).toBe('example-pilot');
      expect(example![KEYS.indexOf('due_date')]).toBeInstanceOf(Date);

      const pilots = await binary(t.http.get(`${API}/imports/pilots/template?format=xlsx`).set(bearer(admin)));
      const refused = await importPilots(bytesOf(pilots), XLSX);
      expectError(refused, 400);
      expect(errorsOf(refused)).toEqual([{ row: 2, column: 'code', message: expect.stringMatching(/template's example row/) }]);
      expectError(await t.as(admin).get(`${API}/imports/pilots/template?format=pdf`), 400);
    });
  });
});
