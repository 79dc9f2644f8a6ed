import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { REVIEW_DECISIONS, type ReviewDecision } from '../../common/domain.js';
import { User } from '../../users/user.entity.js';
import { MilestoneReport } from './milestone-report.entity.js';

@Entity('report_reviews')
@Index('IX_report_reviews_report_id_at', ['reportId', 'at'])
export class ReportReview {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MilestoneReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<MilestoneReport>;

  @Column({ type: 'enum', enum: REVIEW_DECISIONS, enumName: 'review_decision' })
  decision!: ReviewDecision;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Relation<User>;

  /** The revision the decision was made on. */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
