import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SummaryReport } from './summary-report.entity.js';

/** The rendered PDF of a summary, kept apart so that only downloads read it. */
@Entity('summary_files')
export class SummaryFile {
  @PrimaryColumn({ type: 'uuid' })
  summaryId!: string;

  @OneToOne(() => SummaryReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'summary_id' })
  summary?: Relation<SummaryReport>;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
