import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: nothing in the application updates or deletes these rows. */
@Entity('audit_events')
@Index('IX_audit_events_at', ['at'])
@Index('IX_audit_events_entity', ['entityType', 'entityId'])
@Index('IX_audit_events_actor_id', ['actorId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** Null for actions taken by the system itself (bootstrap, seed, schedulers). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
