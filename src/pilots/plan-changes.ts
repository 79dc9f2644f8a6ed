import type { EntityManager } from 'typeorm';

/**
 * Records, in the caller's transaction, that pilots' plans changed: their progress figures are
 * stale until re-aggregated, which the reconcile pass catches up on when the job queued after
 * the change never ran.
 */
export async function markPlanChanged(manager: EntityManager, pilots: { ids: string[] } | { codes: string[] }): Promise<void> {
  const [column, values] = 'ids' in pilots ? ['id', pilots.ids] : ['code', pilots.codes];
  if (values.length === 0) return;
  await manager.query(`UPDATE pilots SET plan_changed_at = clock_timestamp() WHERE ${column} = ANY($1)`, [values]);
}
