import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { REPORT_STATUSES, type ReportStatus } from '../../common/domain.js';
import { ReportingPeriod } from '../../periods/reporting-period.entity.js';
import { Pilot } from '../../pilots/pilot.entity.js';

@Entity('milestone_reports')
@Index('UQ_milestone_reports_pilot_period', ['pilotId', 'periodId'], { unique: true })
@Index('IX_milestone_reports_period_status', ['periodId', 'status'])
export class MilestoneReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pilotId!: string;

  @ManyToOne(() => Pilot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Relation<Pilot>;

  @Column({ type: 'uuid' })
  periodId!: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: Relation<ReportingPeriod>;

  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', default: 'draft' })
  status!: ReportStatus;

  /** Number of times the report has been submitted. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  /** Bumped by every change; the ETag is derived from it. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  /** Time of the latest submission. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
