import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { TASK_CATEGORIES, type TaskCategory } from '../../common/domain.js';
import { ReportingPeriod } from '../../periods/reporting-period.entity.js';
import { Pilot } from '../../pilots/pilot.entity.js';

/** One pilot's task and milestone figures for one task category in one period. */
@Entity('period_category_progress')
@Index('IX_period_category_progress_pilot_id', ['pilotId'])
export class PeriodCategoryProgress {
  @PrimaryColumn({ type: 'uuid' })
  periodId!: string;

  @PrimaryColumn({ type: 'uuid' })
  pilotId!: string;

  @PrimaryColumn({ type: 'enum', enum: TASK_CATEGORIES, enumName: 'task_category' })
  category!: TaskCategory;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: Relation<ReportingPeriod>;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Relation<Pilot>;

  // Task lines of the pilot's received report in this category, by status.
  @Column({ type: 'integer', default: 0 })
  notStarted!: number;

  @Column({ type: 'integer', default: 0 })
  onTrack!: number;

  @Column({ type: 'integer', default: 0 })
  atRisk!: number;

  @Column({ type: 'integer', default: 0 })
  delayed!: number;

  @Column({ type: 'integer', default: 0 })
  completed!: number;

  @Column({ type: 'integer', default: 0 })
  percentSum!: number;

  @Column({ type: 'integer', default: 0 })
  milestonesDue!: number;

  @Column({ type: 'integer', default: 0 })
  milestonesCompleted!: number;
}
