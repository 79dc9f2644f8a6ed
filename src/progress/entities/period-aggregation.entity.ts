import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ReportingPeriod } from '../../periods/reporting-period.entity.js';

/** When figures of a period were last computed (for any of its pilots); its absence means never. */
@Entity('period_aggregations')
export class PeriodAggregation {
  @PrimaryColumn({ type: 'uuid' })
  periodId!: string;

  @OneToOne(() => ReportingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'period_id' })
  period?: Relation<ReportingPeriod>;

  @Column({ type: 'timestamptz' })
  aggregatedAt!: Date;
}
