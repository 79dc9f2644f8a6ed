import { join } from 'node:path';
import { ProgressService } from '../../src/progress/progress.service.js';
import { connect } from '../lib/db.js';
import { openAppContext } from '../lib/nest-context.js';
import { startServer, type ServerProcess } from '../lib/processes.js';
import type { BenchContext, BenchResult, Suite } from '../lib/results.js';
import { median, percentile, round, sleep } from '../lib/stats.js';
import { newJwtSecret, newQueuePrefix, pilotClients, REDIS_URL, removeBenchReports, removeQueueKeys, vacuumReportTables } from '../lib/workload.js';
import { AS_OF } from '../seed/world.js';

const POLL_MS = 10;
const GIVE_UP_MS = 60_000;

/**
 * With the API and its workers running (APP_ROLE=all), a pilot saves and submits its report for
 * the open period; the clock runs from sending the submit until the period's stored progress
 * shows the report as submitted (what GET /api/v1/periods/:id/progress then answers). One
 * submission at a time, each by a pilot that had no report yet, in the fully loaded period.
 */
export const submitVisibleSuite: Suite = {
  id: 'submit-visible',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const samples = context.smoke ? 2 : 5;
    const jwtSecret = newJwtSecret();
    const queuePrefix = newQueuePrefix();
    const db = await connect(context.databaseUrl);
    let server: ServerProcess | undefined;
    const touched = new Set<string>();
    try {
      for (const periodId of await removeBenchReports(db)) touched.add(periodId);
      const { rows: open } = await db.query<{ id: string; label: string }>(
        `SELECT id, label FROM reporting_periods WHERE start_date <= $1 AND end_date >= $1 AND label NOT LIKE 'bench-%'`,
        [AS_OF],
      );
      const period = open[0];
      touched.add(period.id);
      const { rows: free } = await db.query<{ id: string }>(
        `SELECT p.id FROM pilots p WHERE NOT EXISTS (SELECT 1 FROM milestone_reports r WHERE r.pilot_id = p.id AND r.period_id = $1)
         ORDER BY p.code LIMIT $2`,
        [period.id, samples + 1],
      );
      const clients = await pilotClients(db, free.length, jwtSecret, free.map((row) => row.id));
      server = await startServer({
        name: 'submit-visible-api',
        args: [join(process.cwd(), 'dist/src/main.js')],
        env: { DATABASE_URL: context.databaseUrl, JWT_SECRET: jwtSecret, APP_ROLE: 'all', QUEUE_PREFIX: queuePrefix, NODE_ENV: 'production' },
        readyPath: '/health',
        cpuProfileDir: context.profileDir,
      });
      await sleep(2000); // the workers' start-up reconcile pass

      const latencies: number[] = [];
      for (const [index, client] of clients.entries()) {
        const saved = await fetch(`${server.url}/api/v1/pilots/${client.pilotId}/periods/${period.id}/report`, {
          method: 'PUT',
          headers: { authorization: client.authorization, 'content-type': 'application/json' },
          body: client.body,
        });
        if (saved.status !== 201) throw new Error(`PUT report answered ${saved.status}: ${await saved.text()}`);
        const { id } = (await saved.json()) as { id: string };
        const started = performance.now();
        const submitted = await fetch(`${server.url}/api/v1/reports/${id}/submit`, { method: 'POST', headers: { authorization: client.authorization } });
        if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}: ${await submitted.text()}`);
        for (;;) {
          const { rows } = await db.query<{ report_status: string | null }>(
            'SELECT report_status FROM period_pilot_progress WHERE period_id = $1 AND pilot_id = $2',
            [period.id, client.pilotId],
          );
          if (rows[0]?.report_status === 'submitted') break;
          if (performance.now() - started > GIVE_UP_MS) throw new Error(`progress did not show the submission within ${GIVE_UP_MS} ms`);
          await sleep(POLL_MS);
        }
        // The first submission warms the server and the worker up.
        if (index > 0) latencies.push(performance.now() - started);
        context.log(`  submission ${index + 1}/${clients.length}: visible after ${Math.round(performance.now() - started)} ms`);
      }

      const p50 = median(latencies);
      return [
        {
          id: 'submit-visible',
          title: 'submit → progress visible (workers running)',
          product: `p50 ${round(p50 / 1000, 2)} s · max ${round(Math.max(...latencies) / 1000, 2)} s (period ${period.label}, ${context.seed.pilots.toLocaleString('en-US')} pilots)`,
          floor: null,
          ratio: null,
          ratioOf: null,
          target: 'p50 < 2 s',
          met: context.smoke ? null : p50 < 2000,
          figures: { p50Ms: round(p50), p90Ms: round(percentile(latencies, 90)), runsMs: latencies.map((t) => round(t)) },
          notes: [`${latencies.length} submissions one after another, polled every ${POLL_MS} ms in period_pilot_progress`],
        },
      ];
    } finally {
      await server?.stop();
      await removeQueueKeys(REDIS_URL, queuePrefix);
      for (const periodId of await removeBenchReports(db)) touched.add(periodId);
      // Restore the stored figures of the periods the benchmark wrote into.
      const app = await openAppContext(context.databaseUrl);
      try {
        for (const periodId of touched) await app.get(ProgressService).aggregate({ periodId });
      } finally {
        await app.close();
      }
      await vacuumReportTables(db);
      await db.end();
    }
  },
};
