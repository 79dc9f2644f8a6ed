import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../users/user.entity.js';

export const NOTIFICATION_KINDS = [
  'report_submitted',
  'report_returned',
  'report_accepted',
  'deadline_upcoming',
  'item_overdue',
  'escalation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const LINK_TYPES = ['report', 'milestone', 'task', 'period'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

@Entity('notifications')
@Index('IX_notifications_user_unread', ['userId', 'readAt', 'createdAt'])
@Index('IX_notifications_undispatched', ['createdAt'], { where: '"dispatched_at" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: NOTIFICATION_KINDS, enumName: 'notification_kind' })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'enum', enum: LINK_TYPES, enumName: 'notification_link_type' })
  linkType!: LinkType;

  @Column({ type: 'uuid' })
  linkId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** When the notice was handed to the outbound channels (webhook, email), if any are on. */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
