import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  TASK_CATEGORIES,
  TASK_PROGRESS_STATUSES,
  type PilotKind,
  type TaskCategory,
  type TaskProgressStatus,
} from '../../common/domain.js';
import type {
  CategoryFigures,
  ExperienceEntry,
  IndicatorRow,
  OverdueEntry,
  PilotReport,
  PilotSection,
  ProvinceFigures,
  SummaryData,
  SummaryLanguage,
  SummaryOverview,
  TaskRow,
} from '../summary-data.js';

/**
 * Realistic summary data for tests and benchmarks of the renderer: the 35 first-batch pilots
 * (data/first-batch-pilots.json) with tasks, indicators, narratives, reviews and experiences,
 * some pilots without a report. Deterministic: the same options always give the same data.
 */

export interface SummaryFixtureOptions {
  language?: SummaryLanguage;
  /** Beyond 35, the first-batch pilots repeat with a numbered suffix (for load tests). */
  pilotCount?: number;
  tasksPerPilot?: number;
}

interface FirstBatchPilot {
  code: string;
  kind: PilotKind;
  nameZh: string;
  nameEn: string;
  provinceZh: string;
  provinceEn: string;
}

const PERIOD = { id: 'period-2024-q3', label: '2024-Q3', startDate: '2024-07-01', endDate: '2024-09-30', dueDate: '2024-10-15' };
const AS_OF = '2024-10-20';

/** Tailored-task titles as pilots write them; `{name}` becomes the pilot's name. */
const TASK_CATALOGUE: readonly (readonly [TaskCategory, string])[] = [
  ['energy', '推进整县屋顶分布式光伏开发试点'],
  ['energy', '建设{name}风光储一体化新能源基地'],
  ['energy', '实施燃煤锅炉清洁能源替代和煤电机组节能降碳改造'],
  ['industry', '推动钢铁、焦化行业超低排放和极致能效改造'],
  ['industry', '建设{name}零碳（近零碳）产业园区'],
  ['buildings', '新建公共建筑全面执行绿色建筑二星级以上标准'],
  ['buildings', '开展既有居住建筑节能改造和清洁取暖改造'],
  ['transport', '推广新能源公交车、出租车和城市物流配送车辆'],
  ['transport', '建设充换电基础设施和加氢站网络'],
  ['circular_economy', '建设大宗固体废弃物综合利用示范基地'],
  ['circular_economy', '推进废旧动力电池回收利用体系建设'],
  ['water', '实施城镇污水处理厂节能降耗和再生水利用工程'],
  ['carbon_sink', '实施国土绿化和森林质量精准提升工程，巩固提升生态系统碳汇能力'],
  ['carbon_sink', '开展{name}湿地保护修复和碳汇计量监测'],
  ['innovation', '建设低碳技术创新中心，开展二氧化碳捕集利用与封存（CCUS）示范'],
  ['innovation', '组织实施绿色低碳关键核心技术攻关项目'],
  ['policy', '建立碳排放统计核算和能耗双控向碳排放双控转变制度'],
  ['policy', '探索绿色金融支持碳达峰项目的政策机制'],
  ['public_action', '开展绿色低碳全民行动和节约型机关、绿色学校创建'],
  ['public_action', '推行碳普惠机制，引导居民绿色低碳出行和消费'],
  ['planning', '编制{name}碳达峰试点实施方案年度工作计划'],
  ['planning', '将碳达峰目标纳入国土空间规划和产业布局规划'],
];

const NARRATIVE_PARTS = [
  '本季度已完成项目可行性研究和备案，',
  '主体工程已开工建设，累计完成投资约 {n} 亿元，',
  '受用地审批进度影响，部分子项目开工时间推迟，',
  '已与国网公司完成并网方案对接，',
  '牵头单位每月调度推进情况，',
  '下一步将加快设备采购和安装调试，确保按期建成投运。',
  '已形成阶段性成果并报市碳达峰工作领导小组审议。',
];

const INDICATOR_CATALOGUE: readonly Omit<IndicatorRow, 'taskCode' | 'latestValue' | 'progress'>[] = [
  { name: '非化石能源消费比重', unit: '%', baseline: 12.5, baselineYear: 2020, target: 20, targetYear: 2025, direction: 'increase' },
  { name: '单位地区生产总值能耗', unit: '吨标准煤/万元', baseline: 0.62, baselineYear: 2020, target: 0.5, targetYear: 2025, direction: 'decrease' },
  { name: '可再生能源装机容量', unit: '万千瓦', baseline: 850, baselineYear: 2020, target: 2000, targetYear: 2025, direction: 'increase' },
  { name: '新能源汽车保有量', unit: '万辆', baseline: 3.2, baselineYear: 2021, target: 15, targetYear: 2025, direction: 'increase' },
  { name: '城镇新建建筑中绿色建筑占比', unit: '%', baseline: 60, baselineYear: 2020, target: 100, targetYear: 2025, direction: 'increase' },
  { name: '单位地区生产总值二氧化碳排放', unit: '吨/万元', baseline: 1.35, baselineYear: 2020, target: 1.08, targetYear: 2025, direction: 'decrease' },
];

const EXPERIENCE_CATALOGUE: readonly Omit<ExperienceEntry, 'pilotCode' | 'pilotNameZh' | 'pilotNameEn' | 'recommended'>[] = [
  {
    category: 'energy',
    title: '“光伏+储能”整县推进的统一规划与收益分配模式',
    summary: '以县为单位统一编制屋顶资源清单，由平台公司统一投资建设、农户以屋顶入股分红，电网企业同步规划配电网改造，解决了分散开发并网难、收益低的问题。',
    tags: ['分布式光伏', '储能', '乡村振兴'],
  },
  {
    category: 'industry',
    title: '园区企业碳效码评价与差别化政策联动',
    summary: '按单位产值碳排放为园区企业赋“碳效码”，与用能指标分配、绿色信贷利率和技改补贴挂钩，引导高碳效企业扩产、低碳效企业限期改造。',
    tags: ['碳效评价', '园区', '绿色金融'],
  },
  {
    category: 'transport',
    title: '公交与物流车辆全面电动化的“车桩网”协同推进机制',
    summary: '政府统筹规划公共充电网络，公交集团与物流企业联合采购车辆降低成本，峰谷电价与集中充电调度配合，使运营成本较燃油车下降约三成。',
    tags: ['新能源汽车', '充电设施'],
  },
  {
    category: 'carbon_sink',
    title: '林业碳汇项目开发与生态补偿相结合的实践',
    summary: '由林草部门牵头开发林业碳汇项目，收益按比例返还村集体和林农，建立“谁保护、谁受益”的补偿机制，带动植树造林和森林抚育。',
    tags: ['林业碳汇', '生态补偿'],
  },
  {
    category: 'policy',
    title: '碳排放统计核算体系和重点企业碳账户建设',
    summary: '建成覆盖能源、工业、建筑、交通领域的碳排放统计核算平台，为重点用能企业建立碳账户，按月监测、按季分析，支撑精准施策。',
    tags: ['统计核算', '数字化'],
  },
  {
    category: 'public_action',
    title: '碳普惠平台激励居民绿色出行',
    summary: '居民绿色出行、垃圾分类等行为折算为碳积分，可兑换公共交通优惠和商户折扣，平台注册用户持续增长，形成全民参与的氛围。',
    tags: ['碳普惠', '公众参与'],
  },
  {
    category: 'buildings',
    title: '既有公共建筑能效提升的合同能源管理模式',
    summary: '引入节能服务公司以合同能源管理方式实施公共建筑空调、照明改造，财政按节能量给予奖励，不增加财政一次性投入。',
    tags: ['建筑节能', '合同能源管理'],
  },
  {
    category: 'circular_economy',
    title: '工业固废跨区域协同利用',
    summary: '建立固废产生与利用企业信息撮合平台，推动粉煤灰、钢渣等就近用于建材生产，综合利用率显著提高。',
    tags: ['固废利用', '循环经济'],
  },
];

const REVIEW_NOTES = [
  '请补充光伏项目并网容量的佐证材料，并说明滞后任务的原因和整改措施。',
  '指标数据口径与上期不一致，请核实后重新提交。',
];

export function readFirstBatchPilots(): FirstBatchPilot[] {
  const file = join(process.cwd(), 'data', 'first-batch-pilots.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { pilots: FirstBatchPilot[] }).pilots;
}

/** A 32-bit seeded generator (mulberry32): fixture data varies but is the same every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildSummaryFixture(options: SummaryFixtureOptions = {}): SummaryData {
  const { language = 'zh', pilotCount = 35, tasksPerPilot = 20 } = options;
  const random = seededRandom(20231206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const firstBatch = readFirstBatchPilots();

  const pilots: PilotSection[] = [];
  for (let index = 0; index < pilotCount; index += 1) {
    const base = firstBatch[index % firstBatch.length];
    const round = Math.floor(index / firstBatch.length);
    const pilot: FirstBatchPilot =
      round === 0
        ? base
        : { ...base, code: `${base.code}-${round}`, nameZh: `${base.nameZh}（${round + 1}）`, nameEn: `${base.nameEn} (${round + 1})` };
    // Every sixth pilot has sent nothing this period.
    const received = index % 6 !== 5;
    const tasks = buildTasks(pilot, tasksPerPilot, received, random, pick);
    // Repeated pilots get their own wording, as real pilots would, so that a load test does not
    // benefit from text laid out before.
    if (round > 0) {
      for (const task of tasks) {
        task.title = `${pilot.nameZh}${task.title}`;
        if (task.narrative !== null) task.narrative = `${pilot.nameZh}${task.narrative}`;
      }
    }
    pilots.push({
      id: `pilot-${index + 1}`,
      code: pilot.code,
      kind: pilot.kind,
      nameZh: pilot.nameZh,
      nameEn: pilot.nameEn,
      provinceZh: pilot.provinceZh,
      provinceEn: pilot.provinceEn,
      report: received ? buildReport(index, random) : null,
      tasks,
      indicators: buildIndicators(tasks, received, random),
      attachments: received && index % 3 === 0 ? [`${pilot.nameZh}2024年第三季度进展佐证材料.pdf`, 'project-grid-connection-acceptance.pdf'] : [],
    });
  }

  return {
    summaryId: '6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40',
    language,
    generatedAt: '2024-10-20T01:30:00.000Z',
    asOf: AS_OF,
    timezone: 'Asia/Shanghai',
    period: PERIOD,
    scope: { province: null, selectedPilots: false, pilotCount },
    overview: buildOverview(pilots),
    overdue: buildOverdue(pilots),
    pilots,
    experiences: buildExperiences(pilots),
  };
}

function buildTasks(
  pilot: FirstBatchPilot,
  count: number,
  received: boolean,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): TaskRow[] {
  const weightedStatuses: TaskProgressStatus[] = ['on_track', 'on_track', 'on_track', 'completed', 'completed', 'at_risk', 'delayed', 'not_started'];
  return Array.from({ length: count }, (_, index): TaskRow => {
    const [category, title] = TASK_CATALOGUE[index % TASK_CATALOGUE.length];
    const status = received ? pick(weightedStatuses) : null;
    const milestonesTotal = 2 + Math.floor(random() * 4);
    const milestonesDue = Math.floor(random() * (milestonesTotal + 1));
    const percentComplete =
      status === null ? null : status === 'completed' ? 100 : status === 'not_started' ? 0 : 10 + Math.floor(random() * 85);
    const narrative = status !== null && index % 2 === 0 ? buildNarrative(random) : null;
    return {
      code: `T${String(index + 1).padStart(2, '0')}`,
      title: title.replace('{name}', pilot.nameZh),
      category,
      dueDate: index % 3 === 0 ? '2024-09-30' : index % 3 === 1 ? '2025-12-31' : '2030-12-31',
      status,
      percentComplete,
      narrative,
      milestonesCompleted: status === null ? 0 : Math.min(milestonesDue, status === 'completed' ? milestonesDue : Math.floor(random() * (milestonesDue + 1))),
      milestonesDue,
      milestonesTotal,
    };
  });
}

/** Two to four different sentences from the narrative parts, in their catalogue order. */
function buildNarrative(random: () => number): string {
  const first = Math.floor(random() * (NARRATIVE_PARTS.length - 1));
  const count = Math.min(2 + Math.floor(random() * 3), NARRATIVE_PARTS.length - first);
  return NARRATIVE_PARTS.slice(first, first + count)
    .join('')
    .replace('{n}', (1 + random() * 20).toFixed(1))
    .replace(/，$/, '。');
}

function buildReport(index: number, random: () => number): PilotReport {
  const accepted = index % 4 !== 1;
  const onTime = index % 7 !== 3;
  const day = onTime ? 8 + (index % 7) : 16 + (index % 4);
  const submittedAt = `2024-10-${String(day).padStart(2, '0')}T0${index % 9}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
  const reviews: PilotReport['reviews'] = accepted
    ? [
        ...(index % 5 === 0 ? [{ decision: 'returned' as const, note: REVIEW_NOTES[index % 2], at: '2024-10-12T02:00:00.000Z' }] : []),
        { decision: 'accepted', note: index % 2 === 0 ? '材料完整，同意通过。' : null, at: '2024-10-18T06:45:00.000Z' },
      ]
    : [];
  return {
    status: accepted ? 'accepted' : 'submitted',
    revision: reviews.length > 1 ? 2 : 1,
    submittedAt,
    onTime,
    summary:
      '本季度试点工作总体按计划推进。能源结构调整方面，新增可再生能源装机规模稳步提升，重点工程项目建设进度符合预期；' +
      '产业绿色转型方面，重点行业节能降碳改造持续推进；同时建立了月调度、季通报工作机制，部分任务受要素保障影响进度滞后，已制定整改措施。',
    reviews,
  };
}

function buildIndicators(tasks: readonly TaskRow[], received: boolean, random: () => number): IndicatorRow[] {
  return INDICATOR_CATALOGUE.slice(0, 4).map((indicator, index) => {
    const progress = received ? Math.round((0.1 + random() * 1.05) * 100) / 100 : null;
    const latestValue =
      progress === null ? null : Math.round((indicator.baseline + (indicator.target - indicator.baseline) * progress) * 100) / 100;
    return { ...indicator, taskCode: tasks[index % Math.max(tasks.length, 1)]?.code ?? 'T01', latestValue, progress };
  });
}

function buildOverview(pilots: readonly PilotSection[]): SummaryOverview {
  const received = pilots.filter((pilot) => pilot.report !== null);
  const missing = pilots.length - received.length;
  const onTime = received.filter((pilot) => pilot.report?.onTime).length;
  const receivedLines = received.flatMap((pilot) => pilot.tasks);
  const tasksByStatus = Object.fromEntries(TASK_PROGRESS_STATUSES.map((status) => [status, 0])) as Record<TaskProgressStatus, number>;
  for (const task of receivedLines) if (task.status !== null) tasksByStatus[task.status] += 1;

  const provinces = new Map<string, ProvinceFigures>();
  for (const pilot of pilots) {
    const figures = provinces.get(pilot.provinceZh) ?? {
      provinceZh: pilot.provinceZh,
      provinceEn: pilot.provinceEn,
      expected: 0,
      received: 0,
      onTime: 0,
      completeness: 0,
      timeliness: 0,
    };
    figures.expected += 1;
    if (pilot.report) figures.received += 1;
    if (pilot.report?.onTime) figures.onTime += 1;
    figures.completeness = figures.received / figures.expected;
    figures.timeliness = figures.onTime / figures.expected;
    provinces.set(pilot.provinceZh, figures);
  }

  const byCategory: CategoryFigures[] = TASK_CATEGORIES.map((category) => {
    const lines = receivedLines.filter((task) => task.category === category);
    const percents = lines.flatMap((task) => (task.percentComplete === null ? [] : [task.percentComplete]));
    return {
      category,
      tasks: lines.length,
      completed: lines.filter((task) => task.status === 'completed').length,
      avgPercentComplete: percents.length === 0 ? null : percents.reduce((sum, value) => sum + value, 0) / percents.length,
      milestonesDue: lines.reduce((sum, task) => sum + task.milestonesDue, 0),
      milestonesCompleted: lines.reduce((sum, task) => sum + task.milestonesCompleted, 0),
    };
  }).filter((figures) => figures.tasks > 0);

  const allTasks = pilots.flatMap((pilot) => pilot.tasks);
  return {
    expected: pilots.length,
    received: received.length,
    accepted: received.filter((pilot) => pilot.report?.status === 'accepted').length,
    returned: Math.min(1, missing),
    draft: Math.floor(missing / 2),
    missing,
    onTime,
    late: received.length - onTime,
    completeness: pilots.length === 0 ? 0 : received.length / pilots.length,
    timeliness: pilots.length === 0 ? 0 : onTime / pilots.length,
    tasksByStatus,
    milestones: {
      due: allTasks.reduce((sum, task) => sum + task.milestonesDue, 0),
      completed: receivedLines.reduce((sum, task) => sum + task.milestonesCompleted, 0),
    },
    byProvince: [...provinces.values()],
    byCategory,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function buildOverdue(pilots: readonly PilotSection[]): OverdueEntry[] {
  const entries: OverdueEntry[] = [];
  for (const pilot of pilots) {
    const who = { pilotCode: pilot.code, pilotNameZh: pilot.nameZh, pilotNameEn: pilot.nameEn };
    if (pilot.report === null) {
      entries.push({ type: 'report', ...who, title: PERIOD.label, taskCode: null, dueDate: PERIOD.dueDate, daysOverdue: daysBetween(PERIOD.dueDate, AS_OF) });
    }
    for (const task of pilot.tasks) {
      if (task.dueDate >= AS_OF || task.status === 'completed') continue;
      if (task.status === 'delayed' || task.status === null) {
        entries.push({ type: 'task', ...who, title: task.title, taskCode: task.code, dueDate: task.dueDate, daysOverdue: daysBetween(task.dueDate, AS_OF) });
      } else if (task.milestonesDue > task.milestonesCompleted) {
        entries.push({
          type: 'milestone',
          ...who,
          title: `完成${task.title}第${task.milestonesCompleted + 1}阶段节点`,
          taskCode: task.code,
          dueDate: '2024-08-31',
          daysOverdue: daysBetween('2024-08-31', AS_OF),
        });
      }
    }
  }
  return entries;
}

function buildExperiences(pilots: readonly PilotSection[]): ExperienceEntry[] {
  return pilots
    .filter((pilot) => pilot.report?.status === 'accepted')
    .flatMap((pilot, index) =>
      Array.from({ length: 1 + (index % 2) }, (_, nth): ExperienceEntry => ({
        ...EXPERIENCE_CATALOGUE[(index * 3 + nth) % EXPERIENCE_CATALOGUE.length],
        pilotCode: pilot.code,
        pilotNameZh: pilot.nameZh,
        pilotNameEn: pilot.nameEn,
        recommended: index % 3 === 0,
      })),
    );
}
