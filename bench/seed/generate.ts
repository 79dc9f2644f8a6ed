import argon2 from 'argon2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { TASK_CATEGORIES } from '../../src/common/domain.js';
import type { SeedShape } from '../lib/db.js';
import {
  AS_OF,
  EMAIL_DOMAIN,
  EXPERIENCES,
  firstPeriodStart,
  INDICATORS,
  MILESTONE_TITLES,
  NARRATIVES,
  PASSWORD,
  REPORT_SUMMARY,
  RETURN_NOTE,
  TASK_TITLES,
} from './world.js';

/**
 * Generates a data set inside PostgreSQL with set-based INSERT … SELECT over generate_series and
 * unnest'ed text catalogues: no row travels through JavaScript, so 3,500 pilots × 30 tasks × 28
 * periods (about ten million rows) load in a couple of minutes on two cores.
 *
 * Shapes: every pilot has `tasks` tasks (3 milestones and 1–2 indicators each) and one user;
 * periods are quarters ending with the open one (AS_OF falls in it). Reports come in every state
 * (draft, submitted, returned, accepted, and missing), some late; each report has a line per task,
 * a value per indicator, the milestones it records completed, sometimes an experience; reviewed
 * reports have their reviews, submitted ones their revisions. Tasks progress at their own speed,
 * so some finish early and some are overdue. Pseudo-random choices come from a hash of the row's
 * numbers, so a shape always gives the same data (apart from the generated UUIDs).
 */

interface FirstBatchPilot {
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  provinceZh: string;
  provinceEn: string;
}

/** A deterministic uniform number in [0, 1) from two row numbers and a salt. */
const RANDOM_FUNCTION = `
  CREATE FUNCTION pg_temp.rnd(a bigint, b bigint, salt int) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashint8(a * 1000003 + b * 7919 + salt) & 2147483647)::float8 / 2147483648.0 $$`;

type Statement = readonly [sql: string, params?: unknown[]];
type Step = readonly [label: string, statements: Statement[]];

function steps(shape: SeedShape, passwordHash: string, firstBatch: FirstBatchPilot[]): Step[] {
  const start = firstPeriodStart(shape.periods);
  const pick = <K extends keyof FirstBatchPilot>(key: K) => firstBatch.map((p) => p[key]);
  const indicator = <K extends keyof (typeof INDICATORS)[number]>(key: K) => INDICATORS.map((i) => i[key]);
  return [
    [
      'periods',
      [
        [
          `CREATE TEMP TABLE bp AS
           SELECT gen_random_uuid() AS id, n::int AS pn, s::date AS start_date,
                  (s + interval '3 months' - interval '1 day')::date AS end_date,
                  (s + interval '3 months' + interval '14 days')::date AS due_date
           FROM generate_series($1::date, $1::date + ($2::int - 1) * interval '3 months', interval '3 months') WITH ORDINALITY AS g(s, n)`,
          [start, shape.periods],
        ],
        [
          `INSERT INTO reporting_periods (id, label, start_date, end_date, due_date, closed)
           SELECT id, to_char(start_date, 'YYYY-"Q"Q'), start_date, end_date, due_date, end_date < $1::date - 365 FROM bp`,
          [AS_OF],
        ],
      ],
    ],
    [
      'pilots',
      [
        [
          `CREATE TEMP TABLE bpl AS
           SELECT gen_random_uuid() AS id, i AS pn, (i - 1) / cardinality($2::text[]) AS round,
                  b.code, b.kind, b.name_zh, b.name_en, b.province_zh, b.province_en
           FROM generate_series(1, $1::int) i
           JOIN unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                WITH ORDINALITY AS b(code, kind, name_zh, name_en, province_zh, province_en, ord)
             ON b.ord = (i - 1) % cardinality($2::text[]) + 1`,
          [shape.pilots, pick('code'), pick('kind'), pick('nameZh'), pick('nameEn'), pick('provinceZh'), pick('provinceEn')],
        ],
        [
          `INSERT INTO pilots (id, code, kind, name_zh, name_en, province_zh, province_en, batch)
           SELECT id,
                  CASE WHEN round = 0 THEN code ELSE code || '-' || (round + 1) END,
                  kind::pilot_kind,
                  CASE WHEN round = 0 THEN name_zh ELSE name_zh || '（' || (round + 1) || '）' END,
                  CASE WHEN round = 0 THEN name_en ELSE name_en || ' (' || (round + 1) || ')' END,
                  province_zh, province_en, least(round + 1, 100)
           FROM bpl`,
        ],
      ],
    ],
    [
      'users',
      [
        [
          `INSERT INTO users (email, password_hash, role, display_name) VALUES
             ('admin@' || $2, $1, 'admin', 'Bench admin'), ('reviewer@' || $2, $1, 'reviewer', 'Bench reviewer')`,
          [passwordHash, EMAIL_DOMAIN],
        ],
        [
          `INSERT INTO users (email, password_hash, role, pilot_id, display_name)
           SELECT 'pilot-' || lpad(pn::text, 5, '0') || '@' || $2, $1, 'pilot', id, name_zh FROM bpl`,
          [passwordHash, EMAIL_DOMAIN],
        ],
      ],
    ],
    [
      'tasks',
      [
        [
          `CREATE TEMP TABLE bt AS
           SELECT id, pilot_id, pn, tn, start_date, speed,
                  least(start_date + (365 * (1 + r_due * 5))::int, date '2030-12-31') AS due_date
           FROM (
             SELECT gen_random_uuid() AS id, p.id AS pilot_id, p.pn, k AS tn,
                    $2::date + (pg_temp.rnd(p.pn, k, 11) * greatest($3::date - 365 - $2::date, 0))::int AS start_date,
                    0.7 + pg_temp.rnd(p.pn, k, 12) * 0.6 AS speed,
                    pg_temp.rnd(p.pn, k, 13) AS r_due
             FROM bpl p CROSS JOIN generate_series(1, $1::int) k
           ) t`,
          [shape.tasks, start, AS_OF],
        ],
        [
          `INSERT INTO tasks (id, pilot_id, code, title, category, lead_unit, start_date, due_date)
           SELECT id, pilot_id, 'T' || lpad(tn::text, 2, '0'),
                  ($1::text[])[(tn - 1) % cardinality($1::text[]) + 1],
                  ($2::text[])[(tn - 1) % cardinality($2::text[]) + 1]::task_category,
                  '市发展改革委', start_date, due_date
           FROM bt`,
          [TASK_TITLES, TASK_CATEGORIES],
        ],
      ],
    ],
    [
      'milestones',
      [
        [
          // Each milestone is done when the task's own speed gets it there, give or take two
          // weeks; one in twenty never is.
          `CREATE TEMP TABLE bm AS
           SELECT gen_random_uuid() AS id, t.id AS task_id, t.pn, j,
                  t.start_date + round((t.due_date - t.start_date) * j / 3.0)::int AS due_date,
                  CASE WHEN pg_temp.rnd(t.pn, t.tn * 10 + j, 21) < 0.05 THEN NULL
                       ELSE t.start_date + round((t.due_date - t.start_date) * j / 3.0 / t.speed
                                                 + (pg_temp.rnd(t.pn, t.tn * 10 + j, 22) - 0.5) * 30)::int
                  END AS done_on
           FROM bt t CROSS JOIN generate_series(1, 3) j`,
        ],
        [
          `INSERT INTO milestones (id, task_id, title, due_date, position)
           SELECT id, task_id, ($1::text[])[j], due_date, j - 1 FROM bm`,
          [MILESTONE_TITLES],
        ],
      ],
    ],
    [
      'indicators',
      [
        [
          `CREATE TEMP TABLE bi AS
           SELECT gen_random_uuid() AS id, t.id AS task_id, t.pn, t.tn, j, (t.tn * 2 + j) % $1::int + 1 AS c
           FROM bt t CROSS JOIN generate_series(1, 2) j
           WHERE j = 1 OR pg_temp.rnd(t.pn, t.tn, 31) < 0.5`,
          [INDICATORS.length],
        ],
        [
          `INSERT INTO indicators (id, task_id, name, unit, baseline, baseline_year, target, target_year, direction, position)
           SELECT id, task_id, ($1::text[])[c], ($2::text[])[c], ($3::numeric[])[c], 2020, ($4::numeric[])[c], 2030,
                  ($5::text[])[c]::indicator_direction, j - 1
           FROM bi`,
          [indicator('name'), indicator('unit'), indicator('baseline'), indicator('target'), indicator('direction')],
        ],
      ],
    ],
    [
      'reports',
      [
        [
          // The open period: 45 % nothing yet, then drafts and submissions. The period just due:
          // many still awaiting review, some missing. Older periods: mostly accepted. 12 % late.
          `CREATE TEMP TABLE br AS
           SELECT *,
                  CASE WHEN status = 'draft' THEN 0 WHEN status = 'accepted' AND pg_temp.rnd(pn, pen, 45) < 0.1 THEN 2 ELSE 1 END AS revision,
                  (submit_day + time '09:00' + pg_temp.rnd(pn, pen, 44) * interval '9 hours') AT TIME ZONE 'Asia/Shanghai' AS submitted_at
           FROM (
             SELECT gen_random_uuid() AS id, p.id AS pilot_id, p.pn, pe.id AS period_id, pe.pn AS pen,
                    pe.start_date, pe.end_date, pe.due_date, s.status,
                    CASE WHEN s.status = 'draft' THEN NULL
                         WHEN pe.due_date >= $1::date THEN $1::date - (pg_temp.rnd(p.pn, pe.pn, 43) * 10)::int
                         WHEN pg_temp.rnd(p.pn, pe.pn, 42) < 0.12 THEN least(pe.due_date + 1 + (pg_temp.rnd(p.pn, pe.pn, 43) * 25)::int, $1::date)
                         ELSE pe.due_date - (pg_temp.rnd(p.pn, pe.pn, 43) * 20)::int
                    END AS submit_day
             FROM bpl p CROSS JOIN bp pe
             CROSS JOIN LATERAL (SELECT pg_temp.rnd(p.pn, pe.pn, 41) AS x) r
             CROSS JOIN LATERAL (SELECT CASE
               WHEN pe.due_date >= $1::date THEN
                 CASE WHEN x < 0.45 THEN NULL WHEN x < 0.8 THEN 'draft' ELSE 'submitted' END
               WHEN pe.due_date >= $1::date - 92 THEN
                 CASE WHEN x < 0.08 THEN NULL WHEN x < 0.15 THEN 'draft' WHEN x < 0.2 THEN 'returned' WHEN x < 0.6 THEN 'submitted' ELSE 'accepted' END
               ELSE
                 CASE WHEN x < 0.03 THEN NULL WHEN x < 0.04 THEN 'draft' WHEN x < 0.06 THEN 'returned' WHEN x < 0.09 THEN 'submitted' ELSE 'accepted' END
             END AS status) s
             WHERE s.status IS NOT NULL
           ) r`,
          [AS_OF],
        ],
        ['CREATE INDEX ON br (pn, end_date)'],
        [
          `INSERT INTO milestone_reports (id, pilot_id, period_id, status, revision, version, summary, submitted_at, created_at, updated_at)
           SELECT id, pilot_id, period_id, status::report_status, revision, revision + 1, $1,
                  CASE WHEN status = 'draft' THEN NULL ELSE submitted_at END,
                  COALESCE(submitted_at, end_date::timestamptz) - interval '7 days',
                  CASE WHEN status IN ('accepted', 'returned') THEN submitted_at + interval '3 days'
                       ELSE COALESCE(submitted_at, end_date::timestamptz) END
           FROM br`,
          [REPORT_SUMMARY],
        ],
      ],
    ],
    [
      'task lines',
      [
        [
          `INSERT INTO report_task_lines (report_id, task_id, status, percent_complete, narrative, position)
           SELECT r.id, t.id,
                  CASE WHEN f.pct >= 100 THEN 'completed' WHEN f.pct <= 0 THEN 'not_started'
                       WHEN f.pct < f.expected * 0.85 THEN 'delayed' WHEN f.pct < f.expected * 0.97 THEN 'at_risk'
                       ELSE 'on_track' END::task_progress_status,
                  f.pct,
                  CASE WHEN pg_temp.rnd(r.pn * 100 + t.tn, r.pen, 51) < 0.4
                       THEN ($1::text[])[(r.pen + t.tn) % cardinality($1::text[]) + 1] END,
                  t.tn - 1
           FROM br r JOIN bt t ON t.pn = r.pn
           CROSS JOIN LATERAL (
             SELECT greatest(0, least(100, floor(100.0 * (r.end_date - t.start_date) / (t.due_date - t.start_date) * t.speed)))::int AS pct,
                    100.0 * (r.end_date - t.start_date) / (t.due_date - t.start_date) AS expected
           ) f`,
          [NARRATIVES],
        ],
      ],
    ],
    [
      'milestone completions',
      [
        [
          // Recorded in the pilot's first report of a period ending on or after the day it was done.
          `INSERT INTO report_milestone_completions (report_id, milestone_id, completed_on)
           SELECT r.id, m.id, m.done_on
           FROM bm m
           CROSS JOIN LATERAL (SELECT id FROM br WHERE br.pn = m.pn AND br.end_date >= m.done_on ORDER BY br.end_date LIMIT 1) r
           WHERE m.done_on <= $1::date`,
          [AS_OF],
        ],
      ],
    ],
    [
      'indicator values',
      [
        [
          `INSERT INTO report_indicator_values (report_id, indicator_id, value, position)
           SELECT r.id, i.id,
                  round(($1::numeric[])[i.c] + (($2::numeric[])[i.c] - ($1::numeric[])[i.c])
                        * least(1.2, greatest(0, (r.end_date - t.start_date)::numeric / (t.due_date - t.start_date) * t.speed::numeric)), 2),
                  (i.tn - 1) * 2 + i.j - 1
           FROM br r JOIN bi i ON i.pn = r.pn JOIN bt t ON t.id = i.task_id`,
          [indicator('baseline'), indicator('target')],
        ],
      ],
    ],
    [
      'experiences',
      [
        [
          `INSERT INTO experiences (report_id, title, summary, category, tags, recommended, position)
           SELECT id, ($1::text[])[k], ($2::text[])[k], ($3::text[])[k]::experience_category,
                  string_to_array(($4::text[])[k], '|'), status = 'accepted' AND pg_temp.rnd(pn, pen, 62) < 0.3, 0
           FROM (SELECT *, (pn + pen) % cardinality($1::text[]) + 1 AS k FROM br) r
           WHERE status IN ('submitted', 'accepted') AND pg_temp.rnd(pn, pen, 61) < 0.3`,
          [
            EXPERIENCES.map((e) => e.title),
            EXPERIENCES.map((e) => e.summary),
            EXPERIENCES.map((e) => e.category),
            EXPERIENCES.map((e) => e.tags.join('|')),
          ],
        ],
      ],
    ],
    [
      'reviews',
      [
        [
          `INSERT INTO report_reviews (report_id, decision, note, reviewer_id, revision, at)
           SELECT r.id, d.decision::review_decision, d.note, (SELECT id FROM users WHERE role = 'reviewer' LIMIT 1), d.revision, d.at
           FROM br r
           CROSS JOIN LATERAL (VALUES
             ('returned', $1::text, 1, r.submitted_at - interval '5 days', r.status = 'accepted' AND r.revision = 2),
             ('accepted', NULL, r.revision, r.submitted_at + interval '3 days', r.status = 'accepted'),
             ('returned', $1::text, 1, r.submitted_at + interval '3 days', r.status = 'returned')
           ) AS d(decision, note, revision, at, applies)
           WHERE d.applies`,
          [RETURN_NOTE],
        ],
      ],
    ],
    [
      'revisions',
      [
        [
          `INSERT INTO report_revisions (report_id, revision, submitted_at, submitted_by, content)
           SELECT r.id, g, r.submitted_at - (r.revision - g) * interval '10 days', u.id,
                  jsonb_build_object('summary', $1::text, 'tasks', '[]'::jsonb, 'indicators', '[]'::jsonb, 'experiences', '[]'::jsonb)
           FROM br r JOIN users u ON u.pilot_id = r.pilot_id
           CROSS JOIN LATERAL generate_series(1, r.revision) g`,
          [REPORT_SUMMARY],
        ],
      ],
    ],
  ];
}

/** The largest tables, referenced by no foreign key: their indexes are built once, after loading. */
const BULK_TABLES = ['report_task_lines', 'report_indicator_values', 'report_milestone_completions'];

/** Drops the tables' indexes (primary keys included) and returns the statements that recreate them. */
async function dropIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ table: string; index: string; definition: string; constraint: string | null; constraintdef: string | null }>(
    `SELECT t.relname AS table, x.relname AS index, pg_get_indexdef(i.indexrelid) AS definition,
            c.conname AS constraint, pg_get_constraintdef(c.oid) AS constraintdef
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_class x ON x.oid = i.indexrelid
     LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype IN ('p', 'u')
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace`,
    [tables],
  );
  const recreate: string[] = [];
  for (const row of rows) {
    const table = pg.escapeIdentifier(row.table);
    if (row.constraint) {
      await client.query(`ALTER TABLE ${table} DROP CONSTRAINT ${pg.escapeIdentifier(row.constraint)}`);
      recreate.push(`ALTER TABLE ${table} ADD CONSTRAINT ${pg.escapeIdentifier(row.constraint)} ${row.constraintdef}`);
    } else {
      await client.query(`DROP INDEX ${pg.escapeIdentifier(row.index)}`);
      recreate.push(row.definition);
    }
  }
  return recreate;
}

const COUNTED_TABLES = [
  'pilots',
  'users',
  'tasks',
  'milestones',
  'indicators',
  'reporting_periods',
  'milestone_reports',
  'report_task_lines',
  'report_milestone_completions',
  'report_indicator_values',
  'experiences',
  'report_reviews',
  'report_revisions',
];

/** Fills an empty, migrated database; returns the row count of every table it wrote. */
export async function generateData(client: pg.Client, shape: SeedShape, log: (line: string) => void): Promise<Record<string, number>> {
  const firstBatch = (JSON.parse(readFileSync(join(process.cwd(), 'data/first-batch-pilots.json'), 'utf8')) as { pilots: FirstBatchPilot[] })
    .pilots;
  const passwordHash = await argon2.hash(PASSWORD);
  // The data is consistent by construction: skip the per-row foreign-key triggers while loading.
  await client.query(`SET session_replication_role = replica; SET synchronous_commit = off; SET work_mem = '256MB'`);
  await client.query(RANDOM_FUNCTION);
  const recreateIndexes = await dropIndexes(client, BULK_TABLES);
  for (const [label, statements] of steps(shape, passwordHash, firstBatch)) {
    const started = performance.now();
    await client.query('BEGIN');
    for (const [sql, params] of statements) await client.query(sql, params);
    await client.query('COMMIT');
    log(`  ${label.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await client.query('SET session_replication_role = origin');
  let started = performance.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const statement of recreateIndexes) await client.query(statement);
  log(`  ${'indexes'.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  // As autovacuum would: statistics for the planner, and the visibility map index-only scans need.
  await client.query('VACUUM (ANALYZE)');
  log(`  ${'vacuum, analyze'.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const rows: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    rows[table] = counted[0].n;
  }
  return rows;
}
