import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('reporting_periods')
@Index('UQ_reporting_periods_label', ['label'], { unique: true })
@Index('IX_reporting_periods_start_date', ['startDate'])
@Check('CK_reporting_periods_dates', `"start_date" <= "end_date" AND "end_date" <= "due_date"`)
export class ReportingPeriod {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  label!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  /** The submission deadline; the day ends at 24:00 in the app's time zone. */
  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
