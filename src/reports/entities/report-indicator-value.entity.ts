import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { numericTransformer } from '../../database/column-transformers.js';
import { Indicator } from '../../tasks/indicator.entity.js';
import { MilestoneReport } from './milestone-report.entity.js';

@Entity('report_indicator_values')
@Index('UQ_report_indicator_values_report_indicator', ['reportId', 'indicatorId'], { unique: true })
@Index('IX_report_indicator_values_indicator_id', ['indicatorId'])
export class ReportIndicatorValue {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MilestoneReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<MilestoneReport>;

  @Column({ type: 'uuid' })
  indicatorId!: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column({ type: 'numeric', transformer: numericTransformer })
  value!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'smallint', default: 0 })
  position!: number;
}
