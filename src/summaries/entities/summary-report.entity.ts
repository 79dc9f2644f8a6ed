import {
  Check,
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
import { ReportingPeriod } from '../../periods/reporting-period.entity.js';
import { User } from '../../users/user.entity.js';

export const SUMMARY_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

export const SUMMARY_LANGUAGES = ['zh', 'en'] as const;
export type SummaryLanguageCode = (typeof SUMMARY_LANGUAGES)[number];

/** A requested PDF summary; its bytes live in summary_files so lists never load them. */
@Entity('summary_reports')
@Index('IX_summary_reports_period_id_created_at', ['periodId', 'createdAt'])
@Index('IX_summary_reports_status', ['status'])
@Check('CK_summary_reports_progress', `"progress" BETWEEN 0 AND 100`)
export class SummaryReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  periodId!: string;

  @ManyToOne(() => ReportingPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: Relation<ReportingPeriod>;

  /** The province in scope, in both names, or null for every province. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  provinceZh!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  provinceEn!: string | null;

  /** Chosen pilots, or null for every pilot in the province scope. */
  @Column({ type: 'uuid', array: true, nullable: true })
  pilotIds!: string[] | null;

  @Column({ type: 'enum', enum: SUMMARY_LANGUAGES, enumName: 'summary_language', default: 'zh' })
  language!: SummaryLanguageCode;

  @Column({ type: 'date' })
  asOf!: string;

  @Column({ type: 'enum', enum: SUMMARY_STATUSES, enumName: 'summary_status', default: 'queued' })
  status!: SummaryStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ type: 'integer', nullable: true })
  pageCount!: number | null;

  @Column({ type: 'integer', nullable: true })
  bytes!: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
