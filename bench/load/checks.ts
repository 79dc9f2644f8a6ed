import type pg from 'pg';
import type { PeriodProgressView } from '../../src/progress/dto/progress.dto.js';
import { PROGRESS_FLOOR_SQL } from '../baseline/progress-floor.js';
import type { Ledger } from './scenario.js';

/**
 * The load check's verdicts, computed after the load from PostgreSQL: the acknowledged writes
 * against the stored rows, and the stored and served progress against a recount from scratch
 * (DESIGN.md §2, independent of the application's aggregation SQL).
 */

export interface CheckResult {
  name: string;
  passed: boolean;
  detail: string;
}

const RECEIVED = `('submitted', 'accepted')`;
const MAX_LISTED = 5;

function verdict(name: string, problems: string[], okDetail: string): CheckResult {
  return problems.length === 0
    ? { name, passed: true, detail: okDetail }
    : { name, passed: false, detail: `${problems.length} problem(s): ${problems.slice(0, MAX_LISTED).join('; ')}${problems.length > MAX_LISTED ? '; …' : ''}` };
}

/** Every acknowledged submission, save and review against what PostgreSQL holds for the period. */
export async function checkStoredWrites(db: pg.Client, periodIds: string[], ledger: Ledger): Promise<CheckResult[]> {
  const results: CheckResult[] = [];

  // 1. Each acknowledged submit has its immutable revision, by the pilot's user, holding the content last saved before it.
  const { rows: revisions } = await db.query<{ report_id: string; revision: number; submitted_by: string; summary: string | null; report: string }>(
    `SELECT rv.report_id, rv.revision, rv.submitted_by, rv.content->>'summary' AS summary, r.pilot_id || '/' || r.period_id AS report
     FROM report_revisions rv JOIN milestone_reports r ON r.id = rv.report_id WHERE r.period_id = ANY($1::uuid[])`,
    [periodIds],
  );
  const stored = new Map(revisions.map((row) => [`${row.report_id}#${row.revision}`, row]));
  const problems: string[] = [];
  const acknowledged = new Set<string>();
  for (const submit of ledger.submits) {
    const key = `${submit.reportId}#${submit.revision}`;
    acknowledged.add(key);
    const row = stored.get(key);
    if (!row) problems.push(`submit of ${key} acknowledged, no revision row`);
    else if (row.submitted_by !== submit.userId) problems.push(`revision ${key} submitted_by ${row.submitted_by}, the pilot's user is ${submit.userId}`);
    else if (row.summary !== submit.summary && !ledger.uncertain.has(row.report)) problems.push(`revision ${key} holds "${row.summary?.slice(0, 40)}", the last acknowledged save was "${submit.summary.slice(0, 40)}"`);
  }
  for (const [key, row] of stored) {
    if (!acknowledged.has(key) && !ledger.uncertain.has(row.report)) problems.push(`revision ${key} stored, its submit was never acknowledged`);
  }
  const perReport = new Map<string, number[]>();
  for (const row of revisions) perReport.set(row.report_id, [...(perReport.get(row.report_id) ?? []), row.revision]);
  for (const [reportId, numbers] of perReport) {
    const sorted = numbers.sort((a, b) => a - b);
    if (sorted.some((n, i) => n !== i + 1)) problems.push(`report ${reportId} has revisions ${sorted.join(',')}, not 1..${sorted.length}`);
  }
  results.push(verdict('every acknowledged submission stored with its revision', problems, `${ledger.submits.length} submissions acknowledged = ${revisions.length} revision rows, each with the content of the last save before it`));

  // 2. Each report is in the state of the newest acknowledged answer about it, with the last acknowledged content.
  const { rows: reports } = await db.query<{ id: string; status: string; revision: number; version: number; summary: string | null; report: string }>(
    `SELECT id, status, revision, version, summary, pilot_id || '/' || period_id AS report FROM milestone_reports WHERE period_id = ANY($1::uuid[])`,
    [periodIds],
  );
  const state: string[] = [];
  const byId = new Map(reports.map((row) => [row.id, row]));
  for (const [reportId, seen] of ledger.observed) {
    const row = byId.get(reportId);
    if (row && ledger.uncertain.has(row.report)) continue;
    if (!row) state.push(`report ${reportId} acknowledged, not stored`);
    else if (row.version !== seen.version || row.status !== seen.status || row.revision !== seen.revision) {
      state.push(`report ${reportId}: stored ${row.status} revision ${row.revision} version ${row.version}, last acknowledged ${seen.status} revision ${seen.revision} version ${seen.version}`);
    } else if (row.summary !== ledger.lastSummary.get(reportId)) state.push(`report ${reportId}: stored summary is not the last acknowledged save's`);
  }
  for (const row of reports) if (!ledger.observed.has(row.id) && !ledger.uncertain.has(row.report)) state.push(`report ${row.id} stored, never acknowledged to its pilot`);
  const statuses = reports.reduce<Record<string, number>>((acc, row) => ({ ...acc, [row.status]: (acc[row.status] ?? 0) + 1 }), {});
  results.push(
    verdict(
      'every report stored as last acknowledged (status, revision, version, content)',
      state,
      `${reports.length} reports: ${Object.entries(statuses).map(([status, n]) => `${n} ${status}`).join(', ')}` +
        (ledger.uncertain.size ? `; ${ledger.uncertain.size} with a write whose answer never came, not compared` : ''),
    ),
  );

  // 3. Each acknowledged review is stored once, as decided; each review conflict lost to a stored review of the same revision.
  const { rows: reviews } = await db.query<{ report_id: string; decision: string; revision: number; reviewer_id: string; note: string | null; report: string }>(
    `SELECT rr.report_id, rr.decision::text, rr.revision, rr.reviewer_id, rr.note, r.pilot_id || '/' || r.period_id AS report
     FROM report_reviews rr JOIN milestone_reports r ON r.id = rr.report_id WHERE r.period_id = ANY($1::uuid[])`,
    [periodIds],
  );
  const reviewProblems: string[] = [];
  const reviewRows = new Map<string, typeof reviews>();
  for (const row of reviews) reviewRows.set(`${row.report_id}#${row.revision}`, [...(reviewRows.get(`${row.report_id}#${row.revision}`) ?? []), row]);
  for (const [key, rows] of reviewRows) if (rows.length > 1) reviewProblems.push(`revision ${key} reviewed ${rows.length} times`);
  const acknowledgedReviews = new Map(ledger.reviews.map((review) => [`${review.reportId}#${review.revision}`, review]));
  for (const [key, review] of acknowledgedReviews) {
    const row = reviewRows.get(key)?.[0];
    if (!row) reviewProblems.push(`${review.decision} of ${key} acknowledged, not stored`);
    else if (row.decision !== review.decision || row.reviewer_id !== review.reviewerId || row.note !== review.note) {
      reviewProblems.push(`review of ${key}: stored ${row.decision} by ${row.reviewer_id}, acknowledged ${review.decision} by ${review.reviewerId}`);
    }
  }
  if (acknowledgedReviews.size !== ledger.reviews.length) reviewProblems.push(`${ledger.reviews.length - acknowledgedReviews.size} revision(s) acknowledged as reviewed twice`);
  for (const [key, rows] of reviewRows) {
    if (!acknowledgedReviews.has(key) && !ledger.uncertain.has(rows[0].report)) reviewProblems.push(`review of ${key} stored, never acknowledged`);
  }
  for (const conflict of ledger.reviewConflicts) {
    const winner = acknowledgedReviews.get(`${conflict.reportId}#${conflict.listedRevision}`);
    if (!winner || winner.reviewerId === conflict.reviewerId) reviewProblems.push(`409 for ${conflict.reportId} revision ${conflict.listedRevision} with no other reviewer's decision of it`);
  }
  results.push(
    verdict(
      'every acknowledged review stored once; every review 409 lost to another decision',
      reviewProblems,
      `${ledger.reviews.length} reviews acknowledged = ${reviews.length} stored; ${ledger.reviewConflicts.length} conflicts, each lost to another reviewer's decision`,
    ),
  );
  return results;
}

interface FloorRow {
  pilot_id: string;
  report_status: string | null;
  submitted_at: Date | null;
  submitted_text: string | null;
  on_time: boolean;
  category: string | null;
  not_started: number;
  on_track: number;
  at_risk: number;
  delayed: number;
  completed: number;
  percent_sum: number;
  milestones_due: number;
  milestones_completed: number;
}

const FIGURES = ['not_started', 'on_track', 'at_risk', 'delayed', 'completed', 'percent_sum', 'milestones_due', 'milestones_completed'] as const;

/** The recount: per pilot and category, every figure the aggregation stores (bench/baseline/progress-floor.ts, DESIGN.md §2). */
export async function recount(db: pg.Client, periodId: string, timezone: string): Promise<FloorRow[]> {
  const { rows } = await db.query<FloorRow>(`SELECT f.*, f.submitted_at::text AS submitted_text FROM (${PROGRESS_FLOOR_SQL}) f`, [periodId, timezone]);
  return rows;
}

/** The period's stored figures (period_pilot_progress, period_category_progress) against the recount. */
export async function checkStoredProgress(db: pg.Client, periodId: string, floor: FloorRow[]): Promise<CheckResult[]> {
  const { rows: pilots } = await db.query<{ pilot_id: string; report_status: string | null; submitted_text: string | null; on_time: boolean }>(
    'SELECT pilot_id, report_status::text, submitted_at::text AS submitted_text, on_time FROM period_pilot_progress WHERE period_id = $1',
    [periodId],
  );
  const { rows: categories } = await db.query<Record<(typeof FIGURES)[number], number> & { pilot_id: string; category: string }>(
    `SELECT pilot_id, category::text, ${FIGURES.join(', ')} FROM period_category_progress WHERE period_id = $1`,
    [periodId],
  );

  const pilotProblems: string[] = [];
  const expectedPilots = new Map(floor.map((row) => [row.pilot_id, row]));
  const storedPilots = new Map(pilots.map((row) => [row.pilot_id, row]));
  for (const [pilotId, want] of expectedPilots) {
    const got = storedPilots.get(pilotId);
    if (!got) pilotProblems.push(`pilot ${pilotId}: no stored row`);
    else if (got.report_status !== want.report_status || got.submitted_text !== want.submitted_text || got.on_time !== want.on_time) {
      pilotProblems.push(`pilot ${pilotId}: stored ${got.report_status}/${got.submitted_text}/${got.on_time}, recount ${want.report_status}/${want.submitted_text}/${want.on_time}`);
    }
  }
  for (const pilotId of storedPilots.keys()) if (!expectedPilots.has(pilotId)) pilotProblems.push(`pilot ${pilotId}: stored, not in the recount`);

  const categoryProblems: string[] = [];
  const wanted = new Map(floor.filter((row) => row.category !== null).map((row) => [`${row.pilot_id}/${row.category}`, row]));
  const got = new Map(categories.map((row) => [`${row.pilot_id}/${row.category}`, row]));
  for (const [key, want] of wanted) {
    const row = got.get(key);
    const differing = row ? FIGURES.filter((figure) => Number(row[figure]) !== Number(want[figure])) : [];
    if (!row) categoryProblems.push(`${key}: no stored row`);
    else if (differing.length) categoryProblems.push(`${key}: ${differing.map((f) => `${f} stored ${row[f]}, recount ${want[f]}`).join(', ')}`);
  }
  for (const key of got.keys()) if (!wanted.has(key)) categoryProblems.push(`${key}: stored, not in the recount`);
  const sum = (figure: (typeof FIGURES)[number]) => floor.reduce((total, row) => total + Number(row[figure]), 0);
  return [
    verdict('period_pilot_progress = recount (status, submitted at, on time)', pilotProblems, `${pilots.length} pilot rows equal`),
    verdict(
      'period_category_progress = recount (task lines by status, % sum, milestones due / completed)',
      categoryProblems,
      `${categories.length} (pilot, category) rows equal: ${FIGURES.filter((f) => f !== 'percent_sum').map((f) => `${f} ${sum(f)}`).join(', ')}`,
    ),
  ];
}

/**
 * What GET /api/v1/periods/:id/progress answers (as an admin: every pilot) against counts taken
 * straight from the raw tables for the headline figures, and the recount for the breakdowns.
 */
export async function checkServedProgress(db: pg.Client, periodId: string, timezone: string, floor: FloorRow[], served: PeriodProgressView): Promise<CheckResult> {
  const { rows: [counts] } = await db.query<{ expected: number; received: number; accepted: number; returned: number; draft: number; on_time: number }>(
    `SELECT (SELECT count(*) FROM pilots)::int AS expected,
            count(r.id) FILTER (WHERE r.status IN ${RECEIVED})::int AS received,
            count(r.id) FILTER (WHERE r.status = 'accepted')::int AS accepted,
            count(r.id) FILTER (WHERE r.status = 'returned')::int AS returned,
            count(r.id) FILTER (WHERE r.status = 'draft')::int AS draft,
            count(r.id) FILTER (WHERE r.status IN ${RECEIVED} AND (r.submitted_at AT TIME ZONE $2)::date <= pe.due_date)::int AS on_time
     FROM reporting_periods pe LEFT JOIN milestone_reports r ON r.period_id = pe.id
     WHERE pe.id = $1 GROUP BY pe.id`,
    [periodId, timezone],
  );
  const { rows: lines } = await db.query<{ status: string; n: number }>(
    `SELECT l.status::text, count(*)::int AS n FROM report_task_lines l JOIN milestone_reports r ON r.id = l.report_id
     WHERE r.period_id = $1 AND r.status IN ${RECEIVED} GROUP BY l.status`,
    [periodId],
  );
  const { rows: [milestones] } = await db.query<{ due: number; completed: number }>(
    `SELECT count(*)::int AS due,
            count(*) FILTER (WHERE m.id IN (
              SELECT c.milestone_id FROM report_milestone_completions c JOIN milestone_reports r ON r.id = c.report_id
              WHERE r.status IN ${RECEIVED} AND c.completed_on <= pe.end_date))::int AS completed
     FROM milestones m CROSS JOIN reporting_periods pe WHERE pe.id = $1 AND m.due_date <= pe.end_date`,
    [periodId],
  );

  const problems: string[] = [];
  const compare = (label: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${label}: API ${JSON.stringify(got)}, recount ${JSON.stringify(want)}`);
  };
  compare('expected', served.expected, counts.expected);
  compare('received', served.received, counts.received);
  compare('accepted', served.accepted, counts.accepted);
  compare('returned', served.returned, counts.returned);
  compare('draft', served.draft, counts.draft);
  compare('missing', served.missing, counts.expected - counts.received);
  compare('onTime', served.onTime, counts.on_time);
  compare('late', served.late, counts.received - counts.on_time);
  const byStatus = Object.fromEntries(['not_started', 'on_track', 'at_risk', 'delayed', 'completed'].map((s) => [s, lines.find((l) => l.status === s)?.n ?? 0]));
  compare('tasksByStatus', served.tasksByStatus, byStatus);
  compare('milestones', served.milestones, milestones);

  // Per pilot and per category, from the recount rows.
  const pilots = new Map<string, FloorRow[]>();
  for (const row of floor) pilots.set(row.pilot_id, [...(pilots.get(row.pilot_id) ?? []), row]);
  const servedPilots = new Map(served.byPilot.map((p) => [p.pilotId, p]));
  compare('byPilot count', served.byPilot.length, pilots.size);
  for (const [pilotId, rows] of pilots) {
    const first = rows[0];
    const total = rows.reduce((t, r) => t + r.not_started + r.on_track + r.at_risk + r.delayed + r.completed, 0);
    const percent = rows.reduce((t, r) => t + r.percent_sum, 0);
    const received = first.report_status === 'submitted' || first.report_status === 'accepted';
    const want = {
      reportStatus: first.report_status ?? 'none',
      submittedAt: first.submitted_at ? first.submitted_at.toISOString() : null,
      onTime: received && first.on_time,
      tasksTotal: total,
      tasksCompleted: rows.reduce((t, r) => t + r.completed, 0),
      avgPercentComplete: total === 0 ? null : Math.round((percent / total) * 100) / 100,
    };
    const got = servedPilots.get(pilotId);
    const gotFigures = got && {
      reportStatus: got.reportStatus,
      submittedAt: got.submittedAt,
      onTime: got.onTime,
      tasksTotal: got.tasksTotal,
      tasksCompleted: got.tasksCompleted,
      avgPercentComplete: got.avgPercentComplete,
    };
    compare(`byPilot ${pilotId}`, gotFigures, want);
  }
  const categories = new Map<string, { tasks: number; completed: number; milestonesDue: number; milestonesCompleted: number }>();
  for (const row of floor) {
    if (row.category === null) continue;
    const c = categories.get(row.category) ?? { tasks: 0, completed: 0, milestonesDue: 0, milestonesCompleted: 0 };
    c.tasks += row.not_started + row.on_track + row.at_risk + row.delayed + row.completed;
    c.completed += row.completed;
    c.milestonesDue += row.milestones_due;
    c.milestonesCompleted += row.milestones_completed;
    categories.set(row.category, c);
  }
  compare('byCategory count', served.byCategory.length, categories.size);
  for (const entry of served.byCategory) {
    const { category, tasks, completed, milestonesDue, milestonesCompleted } = entry;
    compare(`byCategory ${category}`, { tasks, completed, milestonesDue, milestonesCompleted }, categories.get(category));
  }
  return verdict(
    'GET /periods/:id/progress = recount from the raw tables',
    problems,
    `expected ${counts.expected}, received ${counts.received} (accepted ${counts.accepted}), returned ${counts.returned}, draft ${counts.draft}, on time ${counts.on_time}; ` +
      `task lines ${Object.values(byStatus).reduce((a, b) => a + b, 0)}; milestones ${milestones.completed}/${milestones.due}; ${pilots.size} pilots and ${categories.size} categories equal`,
  );
}

/**
 * The state the application keeps on milestones and tasks as reports move (milestones.first_completed_on,
 * tasks.latest_status: the overdue rules and the milestone figures read it) against a recount from
 * the received reports (DESIGN.md §2), for the given pilots.
 */
export async function checkKeptState(db: pg.Client, pilotIds: string[]): Promise<CheckResult> {
  const { rows: milestones } = await db.query<{ id: string; kept: string | null; recount: string | null }>(
    `SELECT m.id, m.first_completed_on::text AS kept, x.first::text AS recount
     FROM milestones m JOIN tasks t ON t.id = m.task_id
     LEFT JOIN LATERAL (
       SELECT min(c.completed_on) AS first FROM report_milestone_completions c JOIN milestone_reports r ON r.id = c.report_id
       WHERE c.milestone_id = m.id AND r.status IN ${RECEIVED}) x ON true
     WHERE t.pilot_id = ANY($1::uuid[]) AND m.first_completed_on IS DISTINCT FROM x.first`,
    [pilotIds],
  );
  const { rows: tasks } = await db.query<{ id: string; kept: string | null; recount: string | null }>(
    `SELECT t.id, t.latest_status::text AS kept, x.status::text AS recount
     FROM tasks t
     LEFT JOIN LATERAL (
       SELECT l.status FROM report_task_lines l JOIN milestone_reports r ON r.id = l.report_id JOIN reporting_periods pe ON pe.id = r.period_id
       WHERE l.task_id = t.id AND r.status IN ${RECEIVED} ORDER BY pe.end_date DESC, pe.start_date DESC, pe.id DESC LIMIT 1) x ON true
     WHERE t.pilot_id = ANY($1::uuid[]) AND t.latest_status IS DISTINCT FROM x.status`,
    [pilotIds],
  );
  const problems = [
    ...milestones.map((m) => `milestone ${m.id}: first_completed_on ${m.kept}, recount ${m.recount}`),
    ...tasks.map((t) => `task ${t.id}: latest_status ${t.kept}, recount ${t.recount}`),
  ];
  return verdict(
    'milestones.first_completed_on and tasks.latest_status = recount from the received reports',
    problems,
    `every milestone and task of the ${pilotIds.length} pilots equal`,
  );
}

export type { FloorRow };
