import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../../users/user.entity.js';
import { MilestoneReport } from './milestone-report.entity.js';

/** An immutable snapshot of a report as it was submitted. */
@Entity('report_revisions')
@Index('UQ_report_revisions_report_revision', ['reportId', 'revision'], { unique: true })
export class ReportRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MilestoneReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<MilestoneReport>;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by' })
  submitter?: Relation<User>;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;
}
