import type { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { WorkerAppModule } from '../../src/app.module.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ALL_QUEUES } from '../../src/jobs/job-catalogue.js';
import { JobQueue } from '../../src/jobs/job-queue.service.js';

/** States in which a job still has work to do (delayed jobs are looked at one by one). */
const BUSY_STATES = ['waiting', 'active', 'prioritized', 'waiting-children'] as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function pendingJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts(...BUSY_STATES);
  // The next run of a job scheduler always waits as a delayed job; it is not pending work.
  const delayed = (await queue.getDelayed()).filter((job) => !job.repeatJobKey);
  return Object.values(counts).reduce((a, b) => a + b, 0) + delayed.length;
}

/** Resolves once no queue of the application has a job waiting, running or retrying. */
export async function waitForQueuesIdle(app: INestApplicationContext, timeoutMs = 20_000): Promise<void> {
  const jobs = app.get(JobQueue);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await Promise.all(ALL_QUEUES.map((name) => pendingJobs(jobs.queue(name))));
    if (pending.every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`Queues still busy after ${timeoutMs} ms: ${ALL_QUEUES.map((q, i) => `${q}=${pending[i]}`).join(' ')}`);
    await sleep(50);
  }
}

/** Polls `probe` until it answers something truthy. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await probe();
    if (last) return last as T;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms; last answer: ${JSON.stringify(last)}`);
    await sleep(100);
  }
}

export interface ProviderOverride {
  provide: Type<unknown>;
  useValue: unknown;
}

/**
 * Starts a worker process's application context (the BullMQ workers, no HTTP) in this process,
 * optionally replacing providers, e.g. to make a job fail once.
 */
export async function startTestWorker(config: AppConfig, overrides: ProviderOverride[] = []): Promise<INestApplicationContext> {
  let builder = Test.createTestingModule({ imports: [WorkerAppModule.forRoot({ ...config, appRole: 'worker' })] });
  for (const override of overrides) builder = builder.overrideProvider(override.provide).useValue(override.useValue);
  const module = await builder.compile();
  return module.init();
}

/** Removes every key of the queues under the application's prefix. */
export async function obliterateQueues(app: INestApplicationContext): Promise<void> {
  const jobs = app.get(JobQueue);
  await Promise.all(ALL_QUEUES.map((name) => jobs.queue(name).obliterate({ force: true })));
}
