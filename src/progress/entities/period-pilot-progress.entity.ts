import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { REPORT_STATUSES, type ReportStatus } from '../../common/domain.js';
import { ReportingPeriod } from '../../periods/reporting-period.entity.js';
import { Pilot } from '../../pilots/pilot.entity.js';

/** One pilot's report state for one period, as the last aggregation saw it. */
@Entity('period_pilot_progress')
@Index('IX_period_pilot_progress_pilot_id', ['pilotId'])
export class PeriodPilotProgress {
  @PrimaryColumn({ type: 'uuid' })
  periodId!: string;

  @PrimaryColumn({ type: 'uuid' })
  pilotId!: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: Relation<ReportingPeriod>;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Relation<Pilot>;

  /** Null when the pilot has no report for the period. */
  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', nullable: true })
  reportStatus!: ReportStatus | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** Received (submitted or accepted) with the latest submission on or before the due date. */
  @Column({ type: 'boolean', default: false })
  onTime!: boolean;

  /** The report's `updated_at` these figures were computed from: a newer one means they are stale. */
  @Column({ type: 'timestamptz', nullable: true })
  sourceChangedAt!: Date | null;

  /** The pilot's `planChangedAt` these figures were computed from: a newer one means they are stale. */
  @Column({ type: 'timestamptz', nullable: true })
  planChangedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  aggregatedAt!: Date;
}
