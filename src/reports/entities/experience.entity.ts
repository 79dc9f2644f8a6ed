import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TASK_CATEGORIES, type TaskCategory } from '../../common/domain.js';
import { MilestoneReport } from './milestone-report.entity.js';

/** A practice a pilot proposes as replicable (经验做法). */
@Entity('experiences')
@Index('IX_experiences_report_id', ['reportId'])
export class Experience {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MilestoneReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<MilestoneReport>;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'enum', enum: TASK_CATEGORIES, enumName: 'experience_category' })
  category!: TaskCategory;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'boolean', default: false })
  recommended!: boolean;

  @Column({ type: 'smallint', default: 0 })
  position!: number;
}
