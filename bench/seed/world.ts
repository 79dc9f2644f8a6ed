import type { TaskCategory } from '../../src/common/domain.js';

/**
 * The fixed clock and texts of the generated data set. Everything is relative to AS_OF, so the
 * same arguments always produce the same shapes (overdue counts do not drift with the calendar).
 */

/** "Today" in the generated world: 2026-Q3's reports were due five days ago, 2026-Q4 is open. */
export const AS_OF = '2026-10-20';

/** First day of the quarter that contains AS_OF: the open period. */
const CURRENT_QUARTER_START = { year: 2026, month: 10 };

/** Start date (YYYY-MM-DD) of the first of `count` quarterly periods ending with the open one. */
export function firstPeriodStart(count: number): string {
  const months = CURRENT_QUARTER_START.year * 12 + (CURRENT_QUARTER_START.month - 1) - 3 * (count - 1);
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

export const PASSWORD = 'Bench-Password-2026';
export const EMAIL_DOMAIN = 'bench.pilot-tracker.cn';

export const TASK_TITLES = [
  '推进整县屋顶分布式光伏开发',
  '建设风光储一体化新能源基地',
  '实施燃煤锅炉清洁能源替代和煤电机组节能降碳改造',
  '推动钢铁、焦化行业超低排放和极致能效改造',
  '建设零碳（近零碳）产业园区',
  '新建公共建筑全面执行绿色建筑二星级以上标准',
  '开展既有居住建筑节能改造和清洁取暖改造',
  '推广新能源公交车、出租车和城市物流配送车辆',
  '建设充换电基础设施和加氢站网络',
  '建设大宗固体废弃物综合利用示范基地',
  '实施城镇污水处理厂节能降耗和再生水利用工程',
  '实施国土绿化和森林质量精准提升工程',
  '建设低碳技术创新中心，开展 CCUS 示范',
  '建立碳排放统计核算制度',
  '开展绿色低碳全民行动',
  '编制碳达峰试点实施方案年度工作计划',
];

export const MILESTONE_TITLES = ['完成项目前期工作和立项备案', '主体工程开工建设', '项目建成投运并通过验收'];

export const NARRATIVES = [
  '本季度已完成项目可行性研究和备案，主体工程已开工建设，累计完成投资约 6.5 亿元。',
  '受用地审批进度影响，部分子项目开工时间推迟，已与自然资源部门对接加快办理。',
  '已与电网公司完成并网方案对接，牵头单位每月调度推进情况，下一步将加快设备采购和安装调试。',
  '已形成阶段性成果并报市碳达峰工作领导小组审议，确保按期完成年度目标。',
];

export const INDICATORS: readonly { name: string; unit: string; baseline: number; target: number; direction: 'increase' | 'decrease' }[] = [
  { name: '非化石能源消费比重', unit: '%', baseline: 12.5, target: 25, direction: 'increase' },
  { name: '单位地区生产总值能耗', unit: '吨标准煤/万元', baseline: 0.62, target: 0.5, direction: 'decrease' },
  { name: '可再生能源装机容量', unit: '万千瓦', baseline: 850, target: 2000, direction: 'increase' },
  { name: '新能源汽车保有量', unit: '万辆', baseline: 3.2, target: 15, direction: 'increase' },
  { name: '城镇新建建筑中绿色建筑占比', unit: '%', baseline: 60, target: 100, direction: 'increase' },
  { name: '单位地区生产总值二氧化碳排放', unit: '吨/万元', baseline: 1.35, target: 1.08, direction: 'decrease' },
];

export const REPORT_SUMMARY =
  '本季度试点工作总体按计划推进。能源结构调整方面，新增可再生能源装机规模稳步提升，重点工程项目建设进度符合预期；' +
  '产业绿色转型方面，重点行业节能降碳改造持续推进；部分任务受要素保障影响进度滞后，已制定整改措施。';

export const RETURN_NOTE = '请补充重点项目的佐证材料，并说明滞后任务的原因和整改措施。';

export const EXPERIENCES: readonly { title: string; summary: string; category: TaskCategory; tags: string[] }[] = [
  {
    title: '“光伏+储能”整县推进的统一规划与收益分配模式',
    summary: '以县为单位统一编制屋顶资源清单，由平台公司统一投资建设、农户以屋顶入股分红，电网企业同步规划配电网改造。',
    category: 'energy',
    tags: ['分布式光伏', '储能'],
  },
  {
    title: '园区企业碳效码评价与差别化政策联动',
    summary: '按单位产值碳排放为园区企业赋“碳效码”，与用能指标分配、绿色信贷利率和技改补贴挂钩。',
    category: 'industry',
    tags: ['碳效评价', '绿色金融'],
  },
  {
    title: '碳普惠平台激励居民绿色出行',
    summary: '居民绿色出行、垃圾分类等行为折算为碳积分，可兑换公共交通优惠和商户折扣。',
    category: 'public_action',
    tags: ['碳普惠'],
  },
];
