import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ReportingPeriod } from '../../periods/reporting-period.entity.js';

/** When a period's progress was last computed, and from which state of its reports. */
@Entity('period_aggregations')
export class PeriodAggregation {
  @PrimaryColumn({ type: 'uuid' })
  periodId!: string;

  @OneToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: Relation<ReportingPeriod>;

  @Column({ type: 'timestamptz' })
  aggregatedAt!: Date;

  /** The latest report change the aggregation saw; a newer change means it is stale. */
  @Column({ type: 'timestamptz', nullable: true })
  sourceChangedAt!: Date | null;
}
