import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReminderConfig } from '../config/app-config.js';
import { OPEN_ITEM_SQL } from '../overdue/overdue.repository.js';

/**
 * The reminder and escalation scan as one statement. $1 as-of date, $2 days before a deadline,
 * $3 days after it for item_overdue, $4 days after it for escalation.
 *
 * Every (item, kind, threshold, recipient) is claimed in reminder_ledger; only claims that
 * succeed send a notice, so reruns and concurrent workers never duplicate one. Of the
 * thresholds passed at once, only the most advanced is sent; the others are claimed silently.
 */
const SCAN_SQL = `
WITH horizon AS (SELECT $1::date + COALESCE((SELECT max(d) FROM unnest($2::int[]) d), 0) AS last_due),
items AS (
  SELECT 'milestone:' || m.id AS item_key, 'milestone' AS item_type, 'milestone'::notification_link_type AS link_type, m.id AS link_id,
         p.id AS pilot_id, p.province_zh, p.province_en, p.name_zh, p.name_en, m.title, m.due_date
  FROM milestones m JOIN tasks t ON t.id = m.task_id JOIN pilots p ON p.id = t.pilot_id, horizon
  WHERE m.due_date <= horizon.last_due AND ${OPEN_ITEM_SQL.milestoneOpen}
  UNION ALL
  SELECT 'task:' || t.id, 'task', 'task'::notification_link_type, t.id,
         p.id, p.province_zh, p.province_en, p.name_zh, p.name_en, t.title, t.due_date
  FROM tasks t JOIN pilots p ON p.id = t.pilot_id, horizon
  WHERE t.due_date <= horizon.last_due AND ${OPEN_ITEM_SQL.taskOpen}
  UNION ALL
  SELECT 'report:' || p.id || ':' || pe.id, 'report', 'period'::notification_link_type, pe.id,
         p.id, p.province_zh, p.province_en, p.name_zh, p.name_en, pe.label, pe.due_date
  FROM reporting_periods pe CROSS JOIN pilots p, horizon
  WHERE pe.due_date <= horizon.last_due AND ${OPEN_ITEM_SQL.reportMissing}
),
stages AS (
  SELECT i.*, 'deadline_upcoming'::reminder_kind AS kind, d AS threshold, -d AS advancement
  FROM items i CROSS JOIN unnest($2::int[]) d WHERE i.due_date - $1::date BETWEEN 0 AND d
  UNION ALL
  SELECT i.*, 'item_overdue'::reminder_kind, d, d FROM items i CROSS JOIN unnest($3::int[]) d WHERE $1::date - i.due_date >= d
  UNION ALL
  SELECT i.*, 'escalation'::reminder_kind, d, d FROM items i CROSS JOIN unnest($4::int[]) d WHERE $1::date - i.due_date >= d
),
targets AS (
  SELECT s.*, u.id AS recipient_id, u.language
  FROM stages s
  JOIN users u ON u.active AND (
    (s.kind <> 'escalation' AND u.role = 'pilot' AND u.pilot_id = s.pilot_id)
    OR (s.kind = 'escalation' AND (u.role = 'admin' OR (u.role = 'reviewer' AND u.province IN (s.province_zh, s.province_en))))
  )
),
fresh AS (
  SELECT t.* FROM targets t
  WHERE NOT EXISTS (
    SELECT 1 FROM reminder_ledger l
    WHERE l.item_key = t.item_key AND l.kind = t.kind AND l.threshold = t.threshold AND l.recipient_id = t.recipient_id)
),
chosen AS (
  SELECT DISTINCT ON (f.item_key, f.kind, f.recipient_id)
         f.item_key, f.kind, f.threshold, f.recipient_id, gen_random_uuid() AS notification_id
  FROM fresh f
  WHERE NOT EXISTS (
    SELECT 1 FROM reminder_ledger l
    WHERE l.item_key = f.item_key AND l.kind = f.kind AND l.recipient_id = f.recipient_id
      AND (CASE WHEN l.kind = 'deadline_upcoming' THEN -l.threshold ELSE l.threshold END) > f.advancement)
  ORDER BY f.item_key, f.kind, f.recipient_id, f.advancement DESC
),
claimed AS (
  INSERT INTO reminder_ledger (item_key, kind, threshold, recipient_id, notification_id)
  SELECT f.item_key, f.kind, f.threshold, f.recipient_id, c.notification_id
  FROM fresh f LEFT JOIN chosen c USING (item_key, kind, threshold, recipient_id)
  ON CONFLICT DO NOTHING
  RETURNING item_key, kind, threshold, recipient_id, notification_id
),
worded AS (
  SELECT c.notification_id, f.recipient_id, f.kind, f.link_type, f.link_id,
         CASE f.language WHEN 'en' THEN
           CASE f.item_type WHEN 'milestone' THEN 'Milestone' WHEN 'task' THEN 'Task' ELSE 'Report' END
         ELSE
           CASE f.item_type WHEN 'milestone' THEN '节点' WHEN 'task' THEN '任务' ELSE '进展报告' END
         END AS what,
         CASE f.language WHEN 'en' THEN f.name_en ELSE f.name_zh END AS pilot_name,
         f.language, f.title, f.due_date, abs(f.due_date - $1::date) AS days
  FROM claimed c JOIN fresh f USING (item_key, kind, threshold, recipient_id)
  WHERE c.notification_id IS NOT NULL
)
INSERT INTO notifications (id, user_id, kind, title, body, link_type, link_id)
SELECT w.notification_id, w.recipient_id, w.kind::text::notification_kind,
       left(CASE w.language WHEN 'en' THEN
         CASE w.kind WHEN 'deadline_upcoming' THEN format('%s due in %s day(s): %s', w.what, w.days, w.title)
                     WHEN 'item_overdue' THEN format('%s overdue: %s', w.what, w.title)
                     ELSE format('Escalation, %s days overdue: %s %s', w.days, w.pilot_name, w.title) END
       ELSE
         CASE w.kind WHEN 'deadline_upcoming' THEN format('%s将于%s天后到期：%s', w.what, w.days, w.title)
                     WHEN 'item_overdue' THEN format('%s已逾期：%s', w.what, w.title)
                     ELSE format('逾期%s天督办：%s %s', w.days, w.pilot_name, w.title) END
       END, 300),
       CASE w.language WHEN 'en' THEN format('%s — %s "%s" was due on %s.', w.pilot_name, w.what, w.title, w.due_date)
       ELSE format('%s%s「%s」的截止日期为 %s。', w.pilot_name, w.what, w.title, w.due_date) END,
       w.link_type, w.link_id
FROM worded w
RETURNING id`;

@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs the scan as of a date and answers the ids of the notices it sent. */
  async scan(asOf: string, config: ReminderConfig): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(SCAN_SQL, [asOf, config.daysBefore, config.overdueAfter, config.escalateAfter]);
    return rows.map((r) => r.id);
  }
}
