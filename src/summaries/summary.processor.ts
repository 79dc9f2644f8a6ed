import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobName, QueueName, type JobPayloads } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { SummaryFile } from './entities/summary-file.entity.js';
import { SummaryReport } from './entities/summary-report.entity.js';
import { SummariesRepository } from './summaries.repository.js';
import { SummaryDataBuilder } from './summary-data.builder.js';
import { SummaryRendererService } from './summary-renderer.service.js';

/** Progress is written to the database at most this often (in percentage points). */
const PROGRESS_STEP = 5;

/**
 * Renders summary PDFs. Safe to run twice for one summary: a ready summary is skipped, and the
 * result is stored under a row lock, so only one file and one final status are ever written.
 */
@Processor(QueueName.Summaries, { concurrency: 1, lockDuration: 60_000 })
export class SummaryProcessor extends WorkerHost {
  private readonly logger = new Logger(SummaryProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: SummariesRepository,
    private readonly builder: SummaryDataBuilder,
    private readonly renderer: SummaryRendererService,
    private readonly jobs: JobQueue,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as JobName) === JobName.ReconcileSummaries) return this.reconcile();
    if ((job.name as JobName) !== JobName.RenderSummary) throw new Error(`Unknown job ${job.name} on queue ${QueueName.Summaries}`);
    const { summaryId } = job.data as JobPayloads[JobName.RenderSummary];
    const summary = await this.summaries.findById(summaryId);
    if (!summary || summary.status === 'ready') return { summaryId, skipped: true };
    try {
      return await this.render(job, summary);
    } catch (error) {
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (finalAttempt) await this.markFailed(summaryId, error);
      throw error;
    }
  }

  /**
   * Gives every unfinished summary whose rendering job Redis does not hold (requested while Redis
   * was away, or lost with Redis's data) a job again. Jobs Redis holds are left alone: a waiting
   * one will run, and an active one under a dead worker is recovered as a stalled job.
   */
  private async reconcile(): Promise<{ requeued: number }> {
    let requeued = 0;
    for (const summaryId of await this.summaries.unfinished()) {
      if (await this.jobs.holds(JobName.RenderSummary, { summaryId })) continue;
      if (await this.jobs.enqueue(JobName.RenderSummary, { summaryId })) requeued += 1;
    }
    if (requeued) this.logger.warn(`Re-queued ${requeued} summaries whose rendering job was missing`);
    return { requeued };
  }

  private async render(job: Job, summary: SummaryReport): Promise<unknown> {
    const repository = this.dataSource.getRepository(SummaryReport);
    await repository.update({ id: summary.id }, { status: 'running', progress: 0, startedAt: new Date(), error: null });
    const data = await this.builder.build(summary);
    let reported = 0;
    const { bytes, pageCount } = await this.renderer.render(data, async (percent) => {
      const rounded = Math.min(99, Math.floor(percent));
      if (rounded - reported < PROGRESS_STEP) return;
      reported = rounded;
      await job.updateProgress(rounded);
      await repository.update({ id: summary.id, status: 'running' }, { progress: rounded });
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = await this.dataSource.transaction(async (manager) => {
      const current = await this.summaries.lockById(manager, summary.id);
      if (!current || current.status === 'ready') return false;
      await manager.upsert(SummaryFile, { summaryId: summary.id, content: bytes }, ['summaryId']);
      await manager.update(SummaryReport, { id: summary.id }, {
        status: 'ready',
        progress: 100,
        pageCount,
        bytes: bytes.length,
        sha256,
        error: null,
        finishedAt: new Date(),
      });
      return true;
    });
    this.logger.log(`Summary ${summary.id}: ${pageCount} pages, ${bytes.length} bytes${stored ? '' : ' (already stored by another run)'}`);
    return { summaryId: summary.id, pageCount, bytes: bytes.length, sha256 };
  }

  private async markFailed(summaryId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`Summary ${summaryId} failed: ${message}`, error instanceof Error ? error.stack : undefined);
    await this.dataSource
      .getRepository(SummaryReport)
      .update({ id: summaryId }, { status: 'failed', error: message.slice(0, 2000), finishedAt: new Date() });
  }
}
