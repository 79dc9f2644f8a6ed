import type { DataSource } from 'typeorm';

/**
 * The milestones and tasks (of one pilot, or all) whose kept overdue state differs from the
 * rules evaluated over the whole report history: a recount independent of the product's SQL.
 */
export function keptStateDrift(db: DataSource, pilotId?: string): Promise<{ kind: string; id: string }[]> {
  const ofPilot = pilotId === undefined ? '' : 'AND t.pilot_id = $1';
  return db.query(
    `SELECT 'milestone' AS kind, m.id FROM milestones m JOIN tasks t ON t.id = m.task_id
     WHERE m.first_completed_on IS DISTINCT FROM (
       SELECT min(c.completed_on) FROM report_milestone_completions c JOIN milestone_reports r ON r.id = c.report_id
       WHERE c.milestone_id = m.id AND r.status IN ('submitted', 'accepted')) ${ofPilot}
     UNION ALL
     SELECT 'task', t.id FROM tasks t
     WHERE t.latest_status IS DISTINCT FROM (
       SELECT l.status FROM report_task_lines l JOIN milestone_reports r ON r.id = l.report_id JOIN reporting_periods pe ON pe.id = r.period_id
       WHERE l.task_id = t.id AND r.status IN ('submitted', 'accepted') ORDER BY pe.end_date DESC, pe.start_date DESC, pe.id DESC LIMIT 1) ${ofPilot}`,
    pilotId === undefined ? [] : [pilotId],
  );
}
