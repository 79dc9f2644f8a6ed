import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Page } from '../common/pagination/pagination.dto.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import type { Pilot } from '../pilots/pilot.entity.js';
import { toNotificationView, type NotificationListQuery, type NotificationView } from './dto/notification.dto.js';
import { REPORT_EVENT_TEXTS } from './notification-texts.js';
import { NotificationsRepository, type Audience } from './notifications.repository.js';

export type ReportEventKind = keyof typeof REPORT_EVENT_TEXTS;

export interface ReportEvent {
  kind: ReportEventKind;
  reportId: string;
  pilot: Pick<Pilot, 'id' | 'nameZh' | 'nameEn' | 'provinceZh' | 'provinceEn'>;
  periodLabel: string;
  note: string | null;
}

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobQueue,
  ) {}

  async list(userId: string, query: NotificationListQuery): Promise<Page<NotificationView>> {
    const page = await this.repository.listForUser(userId, query.unread, query.limit, query.offset);
    return { items: page.items.map(toNotificationView), total: page.total };
  }

  /** Another user's notice answers 404, like an unknown one. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const notification = await this.repository.findOwn(id, userId);
    if (!notification) throw new NotFoundException('Notification not found');
    return toNotificationView(await this.repository.markRead(notification));
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    return { updated: await this.repository.markAllRead(userId) };
  }

  /**
   * Writes the notices of a workflow event inside the caller's transaction: a submission goes to
   * the reviewers whose scope covers the pilot, a return or acceptance to the pilot's users.
   * Answers their ids, to dispatch once the transaction has committed.
   */
  async recordReportEvent(manager: EntityManager, event: ReportEvent): Promise<string[]> {
    const { pilot } = event;
    const audience: Audience =
      event.kind === 'report_submitted'
        ? { reviewersOfProvince: { zh: pilot.provinceZh, en: pilot.provinceEn } }
        : { usersOfPilot: pilot.id };
    const text = { pilotNameZh: pilot.nameZh, pilotNameEn: pilot.nameEn, periodLabel: event.periodLabel, note: event.note };
    const texts = REPORT_EVENT_TEXTS[event.kind];
    return this.repository.insertForAudience(manager, audience, {
      kind: event.kind,
      texts: { zh: texts.zh(text), en: texts.en(text) },
      linkType: 'report',
      linkId: event.reportId,
    });
  }

  /** Hands new notices to the outbound channels (a no-op when none is configured). */
  async dispatch(notificationIds: string[]): Promise<void> {
    if (!this.config.channels.webhook && !this.config.channels.email) return;
    for (const notificationId of notificationIds) await this.jobs.enqueue(JobName.DispatchNotification, { notificationId });
  }
}
