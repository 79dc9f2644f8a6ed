import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Milestone } from '../../tasks/milestone.entity.js';
import { MilestoneReport } from './milestone-report.entity.js';

/** A milestone a report records as reached; the task it belongs to comes from the milestone. */
@Entity('report_milestone_completions')
@Index('UQ_report_milestone_completions_report_milestone', ['reportId', 'milestoneId'], { unique: true })
@Index('IX_report_milestone_completions_milestone_id', ['milestoneId'])
export class ReportMilestoneCompletion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MilestoneReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<MilestoneReport>;

  @Column({ type: 'uuid' })
  milestoneId!: string;

  @ManyToOne(() => Milestone, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: Relation<Milestone>;

  @Column({ type: 'date' })
  completedOn!: string;
}
