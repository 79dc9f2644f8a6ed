import type { IndicatorDirection, PilotKind, TaskCategory } from '../../common/domain.js';

/** Demo content drawn from the themes of real pilots' implementation plans (实施方案). */

export interface DemoTask {
  code: string;
  title: string;
  category: TaskCategory;
  leadUnit: string;
  startDate: string;
  dueDate: string;
  milestones: { title: string; dueDate: string }[];
  indicators: {
    name: string;
    unit: string;
    baseline: number;
    baselineYear: number;
    target: number;
    targetYear: number;
    direction: IndicatorDirection;
  }[];
}

export interface DemoExperience {
  title: string;
  summary: string;
  category: TaskCategory;
  tags: string[];
}

const CITY_TASKS: DemoTask[] = [
  {
    code: 'T01',
    title: '整县推进屋顶分布式光伏开发 County-wide rooftop distributed PV',
    category: 'energy',
    leadUnit: '市发展改革委（能源局）',
    startDate: '2024-01-01',
    dueDate: '2026-12-31',
    milestones: [
      { title: '完成屋顶资源普查 Rooftop resource survey completed', dueDate: '2026-03-31' },
      { title: '首批项目并网 First projects connected to the grid', dueDate: '2026-08-31' },
      { title: '新增装机达到年度目标 Annual capacity target reached', dueDate: '2026-12-31' },
    ],
    indicators: [
      { name: '非化石能源消费比重 Non-fossil share of energy use', unit: '%', baseline: 12.5, baselineYear: 2020, target: 25, targetYear: 2030, direction: 'increase' },
    ],
  },
  {
    code: 'T02',
    title: '既有公共建筑节能改造 Energy retrofit of existing public buildings',
    category: 'buildings',
    leadUnit: '市住房和城乡建设局',
    startDate: '2024-03-01',
    dueDate: '2026-09-30',
    milestones: [
      { title: '改造项目清单印发 Retrofit project list issued', dueDate: '2026-02-28' },
      { title: '完成年度改造面积过半 Half of the annual area retrofitted', dueDate: '2026-06-30' },
    ],
    indicators: [
      { name: '累计节能改造面积 Retrofitted floor area (cumulative)', unit: '万平方米', baseline: 0, baselineYear: 2023, target: 300, targetYear: 2027, direction: 'increase' },
    ],
  },
  {
    code: 'T03',
    title: '城市公交车全面电动化 Full electrification of city buses',
    category: 'transport',
    leadUnit: '市交通运输局',
    startDate: '2024-01-01',
    dueDate: '2027-06-30',
    milestones: [
      { title: '充电场站布局规划获批 Charging network plan approved', dueDate: '2026-04-30' },
      { title: '年度新能源公交车采购完成 Annual e-bus procurement completed', dueDate: '2026-10-31' },
    ],
    indicators: [
      { name: '新能源公交车占比 Share of new-energy buses', unit: '%', baseline: 55, baselineYear: 2022, target: 100, targetYear: 2027, direction: 'increase' },
    ],
  },
  {
    code: 'T04',
    title: '大宗固废综合利用与生活垃圾分类 Bulk solid-waste use and household waste sorting',
    category: 'circular_economy',
    leadUnit: '市城市管理局',
    startDate: '2024-06-01',
    dueDate: '2026-06-30',
    milestones: [
      { title: '再生资源回收网点全覆盖 Recycling points in every district', dueDate: '2026-05-31' },
    ],
    indicators: [
      { name: '一般工业固废综合利用率 Industrial solid-waste utilisation rate', unit: '%', baseline: 60, baselineYear: 2020, target: 75, targetYear: 2025, direction: 'increase' },
    ],
  },
  {
    code: 'T05',
    title: '碳排放统计核算体系建设 Carbon-emission accounting system',
    category: 'policy',
    leadUnit: '市统计局',
    startDate: '2024-01-01',
    dueDate: '2027-12-31',
    milestones: [{ title: '市级碳排放核算报告发布 City emission inventory published', dueDate: '2026-09-30' }],
    indicators: [],
  },
];

const PARK_TASKS: DemoTask[] = [
  {
    code: 'T01',
    title: '园区绿电直供与源网荷储一体化 Direct green-power supply for the park',
    category: 'energy',
    leadUnit: '园区管委会经济发展局',
    startDate: '2024-01-01',
    dueDate: '2026-12-31',
    milestones: [
      { title: '绿电直供方案获批 Green-power supply scheme approved', dueDate: '2026-03-31' },
      { title: '储能项目投运 Storage project in operation', dueDate: '2026-09-30' },
    ],
    indicators: [
      { name: '园区绿电消费占比 Green-power share of park consumption', unit: '%', baseline: 18, baselineYear: 2022, target: 50, targetYear: 2030, direction: 'increase' },
    ],
  },
  {
    code: 'T02',
    title: '重点企业节能降碳改造 Energy-saving retrofit of key enterprises',
    category: 'industry',
    leadUnit: '园区管委会工业和信息化局',
    startDate: '2024-03-01',
    dueDate: '2026-06-30',
    milestones: [
      { title: '完成重点企业能效诊断 Energy audits of key enterprises', dueDate: '2026-01-31' },
      { title: '改造项目全部开工 All retrofit projects started', dueDate: '2026-05-31' },
    ],
    indicators: [
      { name: '单位工业增加值能耗 Energy use per unit of industrial value added', unit: '吨标准煤/万元', baseline: 0.82, baselineYear: 2020, target: 0.6, targetYear: 2025, direction: 'decrease' },
    ],
  },
  {
    code: 'T03',
    title: '园区循环化改造 Circular retrofit of the park',
    category: 'circular_economy',
    leadUnit: '园区管委会生态环境局',
    startDate: '2024-01-01',
    dueDate: '2027-06-30',
    milestones: [{ title: '固废协同处置中心建成 Shared waste-processing centre built', dueDate: '2026-08-31' }],
    indicators: [
      { name: '工业用水重复利用率 Industrial water reuse rate', unit: '%', baseline: 88, baselineYear: 2022, target: 95, targetYear: 2027, direction: 'increase' },
    ],
  },
  {
    code: 'T04',
    title: '园区碳排放监测管理平台 Park carbon monitoring platform',
    category: 'innovation',
    leadUnit: '园区管委会科技创新局',
    startDate: '2024-06-01',
    dueDate: '2026-03-31',
    milestones: [{ title: '平台上线运行 Platform in operation', dueDate: '2026-03-31' }],
    indicators: [],
  },
];

export function demoTasksFor(kind: PilotKind): DemoTask[] {
  return kind === 'city' ? CITY_TASKS : PARK_TASKS;
}

export const DEMO_PERIODS = [
  { label: '2026-Q1', startDate: '2026-01-01', endDate: '2026-03-31', dueDate: '2026-04-15' },
  { label: '2026-Q2', startDate: '2026-04-01', endDate: '2026-06-30', dueDate: '2026-07-15' },
  { label: '2026-Q3', startDate: '2026-07-01', endDate: '2026-09-30', dueDate: '2026-10-15' },
  { label: '2026-Q4', startDate: '2026-10-01', endDate: '2026-12-31', dueDate: '2027-01-15' },
] as const;

export const DEMO_EXPERIENCES: DemoExperience[] = [
  {
    title: '屋顶光伏“统一规划、统一招标、统一运维”模式',
    summary: '以县域为单元统一摸排党政机关、学校、工商业屋顶资源，统一招标选择投资主体并统一运维，缩短项目落地周期约四成。',
    category: 'energy',
    tags: ['光伏', '整县推进'],
  },
  {
    title: '公共建筑能耗限额与合同能源管理结合',
    summary: 'Energy quotas for public buildings combined with energy-performance contracting: retrofits are paid for from the savings.',
    category: 'buildings',
    tags: ['合同能源管理', 'EPC'],
  },
  {
    title: '公交场站“光储充”一体化',
    summary: '在公交场站建设光伏车棚、储能和充电设施，谷电储能、峰时放电，降低公交企业用电成本。',
    category: 'transport',
    tags: ['光储充', '公交'],
  },
  {
    title: '园区企业碳账户与绿色信贷联动',
    summary: 'Each enterprise in the park has a carbon account; banks price green loans by its carbon performance.',
    category: 'policy',
    tags: ['碳账户', '绿色金融'],
  },
  {
    title: '工业固废“园区内循环”协同处置',
    summary: '园区内上下游企业互为原料，建设固废协同处置中心，一般工业固废就地综合利用。',
    category: 'circular_economy',
    tags: ['循环经济'],
  },
];

/** Pilots that get demo login accounts (code → login name). */
export const DEMO_PILOT_LOGINS = ['zhangjiakou', 'tangshan', 'taiyuan', 'changzhi-htz', 'ordos'] as const;

export const DEMO_PASSWORD = 'Demo-Password-2026';
export const DEMO_DOMAIN = 'demo.pilot-tracker.cn';
