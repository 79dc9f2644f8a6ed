/**
 * The floor for period progress: one hand-written statement computing, for one period, every
 * figure the aggregation stores — each pilot's report status, submission time and timeliness,
 * and per pilot and task category the received task lines by status, their percentages, the
 * milestones due by the period's end and those recorded completed by then (DESIGN.md §2). It
 * answers the rows instead of storing them. $1 = period id, $2 = the app time zone.
 */
export const PROGRESS_FLOOR_SQL = progressFiguresSql(false);

/**
 * The same figures for one pilot ($3) in one period: the floor of the per-pilot pass a report
 * change queues.
 */
export const ONE_PILOT_FIGURES_SQL = progressFiguresSql(true);

function progressFiguresSql(onePilot: boolean): string {
  const only = (column: string) => (onePilot ? `AND ${column} = $3` : '');
  return `
  WITH pe AS MATERIALIZED (SELECT id, end_date, due_date FROM reporting_periods WHERE id = $1),
  lines AS (
    SELECT r.pilot_id, t.category,
           count(*) FILTER (WHERE l.status = 'not_started') AS not_started,
           count(*) FILTER (WHERE l.status = 'on_track') AS on_track,
           count(*) FILTER (WHERE l.status = 'at_risk') AS at_risk,
           count(*) FILTER (WHERE l.status = 'delayed') AS delayed,
           count(*) FILTER (WHERE l.status = 'completed') AS completed,
           sum(l.percent_complete) AS percent_sum
    FROM milestone_reports r
    JOIN report_task_lines l ON l.report_id = r.id
    JOIN tasks t ON t.id = l.task_id
    WHERE r.period_id = $1 AND r.status IN ('submitted', 'accepted') ${only('r.pilot_id')}
    GROUP BY r.pilot_id, t.category
  ),
  done AS (
    SELECT DISTINCT c.milestone_id
    FROM report_milestone_completions c
    JOIN milestone_reports r ON r.id = c.report_id
    CROSS JOIN pe
    WHERE r.status IN ('submitted', 'accepted') AND c.completed_on <= pe.end_date ${only('r.pilot_id')}
  ),
  due AS (
    SELECT t.pilot_id, t.category, count(*) AS milestones_due, count(done.milestone_id) AS milestones_completed
    FROM milestones m
    JOIN tasks t ON t.id = m.task_id
    CROSS JOIN pe
    LEFT JOIN done ON done.milestone_id = m.id
    WHERE m.due_date <= pe.end_date ${only('t.pilot_id')}
    GROUP BY t.pilot_id, t.category
  )
  SELECT p.id AS pilot_id, r.status AS report_status, r.submitted_at,
         COALESCE(r.status IN ('submitted', 'accepted') AND (r.submitted_at AT TIME ZONE $2)::date <= pe.due_date, false) AS on_time,
         COALESCE(lines.category, due.category) AS category,
         COALESCE(lines.not_started, 0)::int AS not_started, COALESCE(lines.on_track, 0)::int AS on_track,
         COALESCE(lines.at_risk, 0)::int AS at_risk, COALESCE(lines.delayed, 0)::int AS delayed,
         COALESCE(lines.completed, 0)::int AS completed, COALESCE(lines.percent_sum, 0)::int AS percent_sum,
         COALESCE(due.milestones_due, 0)::int AS milestones_due, COALESCE(due.milestones_completed, 0)::int AS milestones_completed
  FROM pilots p
  CROSS JOIN pe
  LEFT JOIN milestone_reports r ON r.pilot_id = p.id AND r.period_id = pe.id
  LEFT JOIN (lines FULL JOIN due ON due.pilot_id = lines.pilot_id AND due.category = lines.category)
    ON COALESCE(lines.pilot_id, due.pilot_id) = p.id
  ${onePilot ? 'WHERE p.id = $3' : ''}`;
}

/** The figures both sides are compared on, summed over the period. */
export const TOTAL_COLUMNS = ['not_started', 'on_track', 'at_risk', 'delayed', 'completed', 'percent_sum', 'milestones_due', 'milestones_completed'] as const;
