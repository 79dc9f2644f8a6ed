import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { withClient } from './databases.js';

/**
 * Bulk data for the fault drills, written straight into a drill's own database with set-based
 * SQL (seconds for what the API would take minutes to create): enough pilots, tasks and reports
 * that a national summary PDF takes several seconds to render.
 */

export interface SeedOptions {
  pilots: number;
  tasksPerPilot: number;
  /** Label of the reporting period the reports belong to. */
  periodLabel?: string;
}

export interface SeededPeriod {
  periodId: string;
  periodLabel: string;
  pilotIds: string[];
}

const PROVINCES = [
  ['河北省', 'Hebei'],
  ['山西省', 'Shanxi'],
  ['内蒙古自治区', 'Inner Mongolia'],
  ['江苏省', 'Jiangsu'],
  ['浙江省', 'Zhejiang'],
  ['广东省', 'Guangdong'],
  ['四川省', 'Sichuan'],
] as const;

/**
 * Pilots with tasks (two milestones and one indicator each), one period (2024 Q1) and a report
 * per pilot: most submitted or accepted with a line per task, an indicator value, a completed
 * milestone and an experience; every fifth left as a draft (so it counts as missing).
 */
export async function seedLargePeriod(databaseUrl: string, options: SeedOptions): Promise<SeededPeriod> {
  const tag = randomBytes(3).toString('hex');
  const label = options.periodLabel ?? `2024-Q1-drill-${tag}`;
  const codePrefix = `drill-${tag}`;
  return withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    try {
      const {
        rows: [period],
      } = await client.query<{ id: string }>(
        `INSERT INTO reporting_periods (label, start_date, end_date, due_date)
         VALUES ($1, '2024-01-01', '2024-03-31', '2024-04-15') RETURNING id`,
        [label],
      );
      const provincesZh = PROVINCES.map(([zh]) => zh);
      const provincesEn = PROVINCES.map(([, en]) => en);
      await client.query(
        `INSERT INTO pilots (code, kind, name_zh, name_en, province_zh, province_en)
         SELECT $1 || '-' || lpad(i::text, 5, '0'),
                (CASE WHEN i % 4 = 0 THEN 'park' ELSE 'city' END)::pilot_kind,
                '演练试点第' || i || '号' || (CASE WHEN i % 4 = 0 THEN '高新技术产业园区' ELSE '市' END),
                'Drill pilot no. ' || i || (CASE WHEN i % 4 = 0 THEN ' high-tech park' ELSE ' city' END),
                ($3::text[])[1 + i % cardinality($3::text[])], ($4::text[])[1 + i % cardinality($4::text[])]
         FROM generate_series(1, $2::int) AS i`,
        [codePrefix, options.pilots, provincesZh, provincesEn],
      );
      await client.query(
        `INSERT INTO tasks (pilot_id, code, title, category, description, lead_unit, start_date, due_date)
         SELECT p.id, 'T' || lpad(j::text, 3, '0'),
                '重点任务' || j || '：推进能源结构调整与重点行业节能降碳改造 Key task ' || j,
                (enum_range(NULL::task_category))[1 + j % 11],
                '按照实施方案推进，每季度报告进展。Carried out under the implementation plan, reported quarterly.',
                '市发展和改革委员会', DATE '2023-01-01', DATE '2025-12-31' + j * 7
         FROM pilots p CROSS JOIN generate_series(1, $2::int) AS j
         WHERE starts_with(p.code, $1)`,
        [codePrefix, options.tasksPerPilot],
      );
      await client.query(
        `INSERT INTO milestones (task_id, title, due_date, position)
         SELECT t.id, CASE k WHEN 0 THEN '完成方案编制 plan approved' ELSE '项目竣工验收 project commissioned' END,
                CASE k WHEN 0 THEN DATE '2024-03-01' ELSE DATE '2026-06-30' END, k
         FROM tasks t JOIN pilots p ON p.id = t.pilot_id CROSS JOIN generate_series(0, 1) AS k
         WHERE starts_with(p.code, $1)`,
        [codePrefix],
      );
      await client.query(
        `INSERT INTO indicators (task_id, name, unit, baseline, baseline_year, target, target_year, direction, position)
         SELECT t.id, '单位地区生产总值二氧化碳排放下降率 CO2 intensity reduction', '%', 0, 2020, 18, 2025, 'increase', 0
         FROM tasks t JOIN pilots p ON p.id = t.pilot_id WHERE starts_with(p.code, $1)`,
        [codePrefix],
      );
      await client.query(
        `INSERT INTO milestone_reports (pilot_id, period_id, status, revision, version, summary, submitted_at)
         SELECT p.id, $2,
                (CASE WHEN n % 5 = 0 THEN 'draft' WHEN n % 3 = 0 THEN 'accepted' ELSE 'submitted' END)::report_status,
                CASE WHEN n % 5 = 0 THEN 0 ELSE 1 END, 2,
                '本季度各项任务稳步推进，重点项目按计划实施。Tasks progressed steadily this quarter.',
                CASE WHEN n % 5 = 0 THEN NULL ELSE TIMESTAMPTZ '2024-04-10 10:00:00+08' + (n % 10) * INTERVAL '1 day' END
         FROM (SELECT p.*, row_number() OVER (ORDER BY p.code) AS n FROM pilots p WHERE starts_with(p.code, $1)) p`,
        [codePrefix, period!.id],
      );
      await client.query(
        `INSERT INTO report_task_lines (report_id, task_id, status, percent_complete, narrative, position)
         SELECT r.id, t.id, (enum_range(NULL::task_progress_status))[1 + abs(hashtext(t.id::text)) % 5],
                (abs(hashtext(t.id::text)) % 101)::smallint,
                '已完成年度投资计划的一半，项目进展总体顺利。Half of the annual investment is done.',
                row_number() OVER (PARTITION BY r.id ORDER BY t.code) - 1
         FROM milestone_reports r JOIN tasks t ON t.pilot_id = r.pilot_id
         WHERE r.period_id = $1`,
        [period!.id],
      );
      await client.query(
        `INSERT INTO report_indicator_values (report_id, indicator_id, value, position)
         SELECT r.id, i.id, 9.5, 0
         FROM milestone_reports r JOIN tasks t ON t.pilot_id = r.pilot_id JOIN indicators i ON i.task_id = t.id
         WHERE r.period_id = $1`,
        [period!.id],
      );
      await client.query(
        `INSERT INTO report_milestone_completions (report_id, milestone_id, completed_on)
         SELECT r.id, m.id, DATE '2024-02-20'
         FROM milestone_reports r JOIN tasks t ON t.pilot_id = r.pilot_id JOIN milestones m ON m.task_id = t.id AND m.position = 0
         WHERE r.period_id = $1`,
        [period!.id],
      );
      await client.query(
        `INSERT INTO experiences (report_id, title, summary, category, tags, recommended, position)
         SELECT r.id, '整县推进屋顶分布式光伏', '统一规划、统一招标，县域屋顶光伏一体推进。County-wide rooftop PV with one tender.',
                'energy', ARRAY['光伏', 'pv'], r.pilot_id::text < '8', 0
         FROM milestone_reports r WHERE r.period_id = $1 AND r.status = 'accepted'`,
        [period!.id],
      );
      const { rows } = await client.query<{ id: string }>('SELECT id FROM pilots WHERE starts_with(code, $1) ORDER BY code', [codePrefix]);
      await client.query('COMMIT');
      return { periodId: period!.id, periodLabel: label, pilotIds: rows.map((r) => r.id) };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

export interface SeededPilot {
  pilotId: string;
  taskId: string;
  milestoneId: string;
  indicatorId: string;
  email: string;
}

export interface SeededWorkflow {
  periodId: string;
  pilots: SeededPilot[];
  /** Every pilot user's password. */
  password: string;
}

/**
 * Pilots each with one task (one milestone, one indicator) and a pilot user, and an open period
 * without reports: the starting point of a submission drill. Users get one argon2 hash computed
 * here, so logins work exactly as for users created through the API.
 */
export async function seedPilotsWithUsers(databaseUrl: string, count: number): Promise<SeededWorkflow> {
  const tag = randomBytes(3).toString('hex');
  const password = 'Pilot-Password-1';
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  return withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    try {
      const {
        rows: [period],
      } = await client.query<{ id: string }>(
        `INSERT INTO reporting_periods (label, start_date, end_date, due_date)
         VALUES ($1, '2026-01-01', '2026-03-31', '2026-04-15') RETURNING id`,
        [`2026-Q1-drill-${tag}`],
      );
      const pilots: SeededPilot[] = [];
      for (let i = 1; i <= count; i++) {
        const code = `drill-${tag}-${i}`;
        const [zh, en] = PROVINCES[i % PROVINCES.length]!;
        const {
          rows: [pilot],
        } = await client.query<{ id: string }>(
          `INSERT INTO pilots (code, kind, name_zh, name_en, province_zh, province_en)
           VALUES ($1, 'city', $2, $3, $4, $5) RETURNING id`,
          [code, `演练市${i}`, `Drill City ${i}`, zh, en],
        );
        const {
          rows: [task],
        } = await client.query<{ id: string }>(
          `INSERT INTO tasks (pilot_id, code, title, category, due_date)
           VALUES ($1, 'T01', '屋顶分布式光伏 rooftop PV', 'energy', '2027-12-31') RETURNING id`,
          [pilot!.id],
        );
        const {
          rows: [milestone],
        } = await client.query<{ id: string }>(
          `INSERT INTO milestones (task_id, title, due_date, position) VALUES ($1, '完成选址 site survey', '2026-03-31', 0) RETURNING id`,
          [task!.id],
        );
        const {
          rows: [indicator],
        } = await client.query<{ id: string }>(
          `INSERT INTO indicators (task_id, name, unit, baseline, baseline_year, target, target_year, direction, position)
           VALUES ($1, '非化石能源占比 non-fossil share', '%', 10, 2020, 20, 2030, 'increase', 0) RETURNING id`,
          [task!.id],
        );
        const email = `${code}@drill.local`;
        await client.query(`INSERT INTO users (email, password_hash, role, pilot_id) VALUES ($1, $2, 'pilot', $3)`, [email, hash, pilot!.id]);
        pilots.push({ pilotId: pilot!.id, taskId: task!.id, milestoneId: milestone!.id, indicatorId: indicator!.id, email });
      }
      await client.query('COMMIT');
      return { periodId: period!.id, pilots, password };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** A valid report body for a seeded pilot. */
export function seededReportBody(pilot: SeededPilot, note = '本期进展顺利。Good progress this period.') {
  return {
    summary: note,
    tasks: [
      {
        taskId: pilot.taskId,
        status: 'on_track',
        percentComplete: 40,
        narrative: '已完成选址',
        completedMilestones: [{ milestoneId: pilot.milestoneId, completedOn: '2026-03-20' }],
      },
    ],
    indicators: [{ indicatorId: pilot.indicatorId, value: 12.5 }],
    experiences: [{ title: '光伏整县推进模式', summary: 'County-wide rooftop PV with a single tender.', category: 'energy', tags: ['pv'] }],
  };
}
