import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MilestoneReport } from '../reports/entities/milestone-report.entity.js';
import { User } from '../users/user.entity.js';
import { EVIDENCE_CONTENT_TYPES, type EvidenceContentType } from './evidence-file.js';

/**
 * An evidence file of a report, stored in PostgreSQL. A deleted file that a submitted revision
 * lists is kept (marked deleted) so that the revision's files stay downloadable.
 */
@Entity('report_attachments')
@Index('IX_report_attachments_report_created', ['reportId', 'createdAt'])
@Check('CK_report_attachments_content_type', `"content_type" IN (${EVIDENCE_CONTENT_TYPES.map((type) => `'${type}'`).join(', ')})`)
export class ReportAttachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MilestoneReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<MilestoneReport>;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  /** As detected from the bytes (a check, not an enum: the DOCX type is longer than an enum label may be). */
  @Column({ type: 'varchar', length: 100 })
  contentType!: EvidenceContentType;

  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** Never loaded with the record: downloads stream it in slices. */
  @Column({ type: 'bytea', select: false })
  content?: Buffer;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
