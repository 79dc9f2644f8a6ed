import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../common/http/all-exceptions.filter.js';
import { ALL_QUEUES } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { DashboardSessions, QUEUES_DASHBOARD_PATH } from './dashboard-session.service.js';

/**
 * Serves bull-board at QUEUES_DASHBOARD_PATH for every queue of the job catalogue, on the API's
 * own (prefixed) Queue instances. Its routes live in their own Fastify scope, where every request,
 * page, asset or API call alike, must carry an admin's dashboard session (DashboardSessions).
 *
 * The API's CSP suits it as it is: its scripts are its own files and its configuration a JSON
 * block; only its Google Fonts stylesheet is refused, so it uses local fonts and an intranet
 * deployment never calls out.
 */
export async function mountQueuesDashboard(app: NestFastifyApplication): Promise<void> {
  const sessions = app.get(DashboardSessions);
  const jobs = app.get(JobQueue);
  const logger = new Logger('QueuesDashboard');

  const board = new BullBoardFastifyAdapter().setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: board,
    options: {
      uiConfig: {
        boardTitle: 'Pilot tracker queues',
        locale: { lng: 'zh-CN' },
        // The console is the way back; the docs link would lead out of an intranet.
        miscLinks: [{ text: 'Console 控制台', url: '/' }],
        hideDocsLink: true,
      },
    },
  });

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request, reply) => {
        let verdict;
        try {
          verdict = await sessions.check(request.headers, request.protocol);
        } catch (error) {
          // Answered here: bull-board's own error handler would echo the message (a database address, say).
          logger.error(`Could not check a dashboard session: ${(error as Error).message}`);
          return reply.code(500).send(errorBody(500, 'Internal server error', { requestId: request.id }));
        }
        if (verdict.status !== 200) return reply.code(verdict.status).header('cache-control', 'no-store').send(errorBody(verdict.status, verdict.message));
        if (verdict.setCookie) void reply.header('set-cookie', verdict.setCookie);
        void reply.header('cache-control', 'no-store');
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUES_DASHBOARD_PATH },
  );
}
