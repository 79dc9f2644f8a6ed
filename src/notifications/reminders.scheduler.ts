import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobName, QueueName } from '../jobs/job-catalogue.js';
import { registerOnEveryConnect } from '../jobs/schedule-on-connect.js';

const RECONCILE_DISPATCHES_EVERY_MS = 5 * 60_000;

/**
 * Registers the daily reminder scan (a cron in APP_TIMEZONE; BullMQ's job scheduler fires it
 * once however many workers run) and, when an outbound channel is on, the re-dispatch pass.
 * Re-registered whenever this worker reconnects, since a restarted Redis may have lost them.
 */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersScheduler.name);

  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return registerOnEveryConnect(this.queue, this.logger, 'the reminder scan', () => this.schedule());
  }

  private async schedule(): Promise<void> {
    const keep = { removeOnComplete: 100, removeOnFail: 100 };
    await this.queue.upsertJobScheduler(
      JobName.RunReminders,
      { pattern: this.config.reminders.cron, tz: this.config.timezone },
      { name: JobName.RunReminders, data: {}, opts: keep },
    );
    const channelsOn = this.config.channels.webhook !== null || this.config.channels.email !== null;
    if (channelsOn) {
      await this.queue.upsertJobScheduler(
        JobName.ReconcileDispatches,
        { every: RECONCILE_DISPATCHES_EVERY_MS },
        { name: JobName.ReconcileDispatches, data: {}, opts: keep },
      );
    } else {
      await this.queue.removeJobScheduler(JobName.ReconcileDispatches);
    }
  }
}
