import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobName, QueueName, type JobPayloads } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { User } from '../users/user.entity.js';
import { EmailSender } from './channels/email.sender.js';
import { toOutboundNotice, type OutboundNotice } from './channels/notice.js';
import { deliverWebhook } from './channels/webhook.sender.js';
import { Notification } from './entities/notification.entity.js';
import { NotificationsRepository } from './notifications.repository.js';
import { RemindersService } from './reminders.service.js';

/** Notices older than this without a dispatch are picked up again by the reconcile pass. */
const REDISPATCH_AFTER_MS = 60_000;

/** Reminder scans, and the fan-out of notices to webhooks and email, each endpoint its own job. */
@Processor(QueueName.Notifications, { concurrency: 5 })
export class NotificationsProcessor extends WorkerHost implements OnModuleDestroy {
  private readonly email: EmailSender | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminders: RemindersService,
    private readonly notifications: NotificationsRepository,
    private readonly jobs: JobQueue,
  ) {
    super();
    const email = config.channels.email;
    this.email = email ? new EmailSender(email.smtpUrl, email.from) : null;
  }

  onModuleDestroy(): void {
    this.email?.close();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.RunReminders:
        return this.reminders.run((job.data as JobPayloads[JobName.RunReminders]).asOf);
      case JobName.DispatchNotification:
        return this.dispatch((job.data as JobPayloads[JobName.DispatchNotification]).notificationId);
      case JobName.DeliverWebhook: {
        const { notificationId, url } = job.data as JobPayloads[JobName.DeliverWebhook];
        const notice = await this.notice(notificationId);
        if (notice && this.config.channels.webhook) await deliverWebhook(url, this.config.channels.webhook.secret, notice);
        return { delivered: !!notice };
      }
      case JobName.SendEmail: {
        const notice = await this.notice((job.data as JobPayloads[JobName.SendEmail]).notificationId);
        if (notice && this.email) await this.email.send(notice);
        return { sent: !!notice };
      }
      case JobName.ReconcileDispatches: {
        const ids = await this.notifications.undispatchedIds(REDISPATCH_AFTER_MS);
        for (const notificationId of ids) await this.jobs.enqueue(JobName.DispatchNotification, { notificationId });
        return { redispatched: ids.length };
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Notifications}`);
    }
  }

  private async dispatch(notificationId: string): Promise<unknown> {
    const { webhook, email } = this.config.channels;
    for (const url of webhook?.urls ?? []) await this.jobs.enqueue(JobName.DeliverWebhook, { notificationId, url });
    if (email) await this.jobs.enqueue(JobName.SendEmail, { notificationId });
    await this.dataSource.getRepository(Notification).update({ id: notificationId }, { dispatchedAt: () => 'now()' });
    return { webhooks: webhook?.urls.length ?? 0, email: !!email };
  }

  private async notice(notificationId: string): Promise<OutboundNotice | null> {
    const notification = await this.dataSource.getRepository(Notification).findOneBy({ id: notificationId });
    if (!notification) return null;
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: notification.userId });
    return toOutboundNotice(notification, { id: user.id, email: user.email, language: user.language }, this.config.channels.publicUrl);
  }
}
