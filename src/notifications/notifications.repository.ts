import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Page } from '../common/pagination/pagination.dto.js';
import type { UserLanguage } from '../common/domain.js';
import { Notification, type LinkType, type NotificationKind } from './entities/notification.entity.js';

/** Who a notice goes to. */
export type Audience = { reviewersOfProvince: { zh: string; en: string } } | { usersOfPilot: string };

/** A notice for an audience, with its text in every language a user may read. */
export interface AudienceNotice {
  kind: NotificationKind;
  texts: Record<UserLanguage, { title: string; body: string }>;
  linkType: LinkType;
  linkId: string;
}

/** Every query of the notifications feature except the reminder scan. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user's notices: unread first, then newest first. */
  async listForUser(userId: string, unread: boolean | undefined, limit: number, offset: number): Promise<Page<Notification>> {
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (unread === true) qb.andWhere('n.read_at IS NULL');
    if (unread === false) qb.andWhere('n.read_at IS NOT NULL');
    const [items, total] = await qb
      .orderBy('(n.read_at IS NULL)', 'DESC')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total };
  }

  findOwn(id: string, userId: string): Promise<Notification | null> {
    return this.dataSource.getRepository(Notification).findOneBy({ id, userId });
  }

  async markRead(notification: Notification): Promise<Notification> {
    if (notification.readAt) return notification;
    await this.dataSource.getRepository(Notification).update({ id: notification.id, readAt: IsNull() }, { readAt: () => 'now()' });
    return this.dataSource.getRepository(Notification).findOneByOrFail({ id: notification.id });
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.dataSource.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: () => 'now()' });
    return result.affected ?? 0;
  }

  /**
   * Writes one notice per active user of the audience, each in the user's language, in one
   * statement; answers their ids.
   */
  async insertForAudience(manager: EntityManager, audience: Audience, notice: AudienceNotice): Promise<string[]> {
    const [condition, audienceParams] =
      'reviewersOfProvince' in audience
        ? // Reviewers whose scope covers a pilot of this province: scoped to it, or unscoped.
          [`role = 'reviewer' AND (province IS NULL OR province IN ($5, $6))`, [audience.reviewersOfProvince.zh, audience.reviewersOfProvince.en]]
        : [`role = 'pilot' AND pilot_id = $5`, [audience.usersOfPilot]];
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO notifications (user_id, kind, title, body, link_type, link_id)
       SELECT id, $1, $2::jsonb -> language::text ->> 'title', $2::jsonb -> language::text ->> 'body', $3, $4
       FROM users WHERE active AND ${condition}
       RETURNING id`,
      [notice.kind, JSON.stringify(notice.texts), notice.linkType, notice.linkId, ...audienceParams],
    );
    return rows.map((row) => row.id);
  }

  /** Notices of the last day, created more than `olderThanMs` ago, that no dispatch has picked up. */
  async undispatchedIds(olderThanMs: number, limit = 1000): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM notifications WHERE dispatched_at IS NULL AND created_at < now() - make_interval(secs => $1)
         AND created_at > now() - interval '1 day'
       ORDER BY created_at LIMIT $2`,
      [olderThanMs / 1000, limit],
    );
    return rows.map((r) => r.id);
  }
}
