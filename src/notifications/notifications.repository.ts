import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Page } from '../common/pagination/pagination.dto.js';
import type { User } from '../users/user.entity.js';
import { Notification, type LinkType, type NotificationKind } from './entities/notification.entity.js';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  linkType: LinkType;
  linkId: string;
}

type Recipient = Pick<User, 'id' | 'language'>;

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

  async insert(manager: EntityManager, notices: NewNotification[]): Promise<string[]> {
    if (notices.length === 0) return [];
    const result = await manager.insert(Notification, notices);
    return result.identifiers.map((i) => i.id as string);
  }

  /** Active reviewers whose scope covers a pilot of this province (scoped to it, or unscoped). */
  reviewersCovering(manager: EntityManager, provinceZh: string, provinceEn: string): Promise<Recipient[]> {
    return manager.query(
      `SELECT id, language FROM users
       WHERE active AND role = 'reviewer' AND (province IS NULL OR province IN ($1, $2))`,
      [provinceZh, provinceEn],
    );
  }

  pilotUsers(manager: EntityManager, pilotId: string): Promise<Recipient[]> {
    return manager.query(`SELECT id, language FROM users WHERE active AND role = 'pilot' AND pilot_id = $1`, [pilotId]);
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
