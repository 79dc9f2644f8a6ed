import { INDICATOR_DIRECTIONS, PILOT_KINDS, TASK_CATEGORIES } from '../common/domain.js';
import { code, date, decimal, integer, oneOf, text } from './sheet/cells.js';
import type { Column, ColumnType, LayoutValues } from './sheet/layout.js';
import type { CellParser } from './sheet/cells.js';

const column = <T>(zh: string, parse: CellParser<T>, type: ColumnType, width: number): Column<T> => ({ zh, parse, type, width });

const pilotCode = code(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, "-" or "_"');
const taskCode = code(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "-" or "_"');
const year = integer(1900, 2100, 'a year');

/**
 * The task sheet (API.md "Data in and out"): rows with the same pilot_code and task_code
 * describe one task; each row may add one milestone and one indicator. The task export writes
 * the same layout, so an export imports back unchanged.
 */
export const TASK_LAYOUT = {
  pilot_code: column('试点编码', pilotCode, 'text', 16),
  task_code: column('任务编码', taskCode, 'text', 12),
  title: column('任务名称', text(300), 'text', 40),
  category: column('类别', oneOf(TASK_CATEGORIES), 'text', 16),
  lead_unit: column('牵头单位', text(200), 'text', 24),
  start_date: column('开始日期', date, 'date', 12),
  due_date: column('完成时限', date, 'date', 12),
  description: column('任务描述', text(20000), 'text', 40),
  milestone_title: column('节点名称', text(300), 'text', 36),
  milestone_due_date: column('节点时限', date, 'date', 12),
  indicator_name: column('指标名称', text(300), 'text', 32),
  indicator_unit: column('指标单位', text(50), 'text', 10),
  baseline: column('基准值', decimal, 'number', 10),
  baseline_year: column('基准年', year, 'number', 10),
  target: column('目标值', decimal, 'number', 10),
  target_year: column('目标年', year, 'number', 10),
  direction: column('方向', oneOf(INDICATOR_DIRECTIONS), 'text', 10),
};

export type TaskLayout = typeof TASK_LAYOUT;
export type TaskValues = LayoutValues<TaskLayout>;

export const PILOT_LAYOUT = {
  code: column('试点编码', pilotCode, 'text', 16),
  kind: column('类型', oneOf(PILOT_KINDS), 'text', 8),
  name_zh: column('中文名称', text(200), 'text', 28),
  name_en: column('英文名称', text(200), 'text', 32),
  province_zh: column('省份', text(100), 'text', 14),
  province_en: column('省份英文', text(100), 'text', 16),
  batch: column('批次', integer(1, 99), 'number', 8),
};

export type PilotLayout = typeof PILOT_LAYOUT;
export type PilotValues = LayoutValues<PilotLayout>;

/** The pilot code of the templates' example row: no import accepts it, so an unedited template is refused. */
export const EXAMPLE_PILOT_CODE = 'example-pilot';
export const EXAMPLE_ROW_PROBLEM = `"${EXAMPLE_PILOT_CODE}" is the template's example row: replace it with your own rows`;

export const TASK_EXAMPLE: TaskValues = {
  pilot_code: EXAMPLE_PILOT_CODE,
  task_code: 'T01',
  title: '整县推进屋顶分布式光伏开发 County-wide rooftop PV',
  category: 'energy',
  lead_unit: '市发展改革委（能源局）',
  start_date: '2025-01-01',
  due_date: '2027-12-31',
  description: '党政机关、学校、医院屋顶光伏全覆盖。Rooftop PV on every public building.',
  milestone_title: '完成屋顶资源普查 Rooftop survey completed',
  milestone_due_date: '2025-06-30',
  indicator_name: '非化石能源消费比重 Non-fossil share of energy use',
  indicator_unit: '%',
  baseline: 12.5,
  baseline_year: 2020,
  target: 25,
  target_year: 2030,
  direction: 'increase',
};

export const PILOT_EXAMPLE: PilotValues = {
  code: EXAMPLE_PILOT_CODE,
  kind: 'city',
  name_zh: '示例市',
  name_en: 'Example City',
  province_zh: '河北省',
  province_en: 'Hebei',
  batch: 2,
};
