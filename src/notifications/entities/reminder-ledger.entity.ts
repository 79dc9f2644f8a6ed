import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../users/user.entity.js';

export const REMINDER_KINDS = ['deadline_upcoming', 'item_overdue', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Every (item, threshold, recipient) the reminder scan has dealt with, sent or counted as sent.
 * Its primary key is what guarantees a notice goes out once, however many scans run at once.
 */
@Entity('reminder_ledger')
export class ReminderLedgerEntry {
  /** `milestone:<id>`, `task:<id>` or `report:<pilotId>:<periodId>`. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  itemKey!: string;

  @PrimaryColumn({ type: 'enum', enum: REMINDER_KINDS, enumName: 'reminder_kind' })
  kind!: ReminderKind;

  /** Days before (deadline_upcoming) or after (item_overdue, escalation) the due date. */
  @PrimaryColumn({ type: 'smallint' })
  threshold!: number;

  @PrimaryColumn({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: Relation<User>;

  /** The notice sent for this entry; null when a more advanced threshold was sent instead. */
  @Column({ type: 'uuid', nullable: true })
  notificationId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
