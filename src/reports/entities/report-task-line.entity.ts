import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TASK_PROGRESS_STATUSES, type TaskProgressStatus } from '../../common/domain.js';
import { Task } from '../../tasks/task.entity.js';
import { MilestoneReport } from './milestone-report.entity.js';

@Entity('report_task_lines')
@Index('UQ_report_task_lines_report_task', ['reportId', 'taskId'], { unique: true })
@Index('IX_report_task_lines_task_id', ['taskId'])
@Check('CK_report_task_lines_percent', `"percent_complete" BETWEEN 0 AND 100`)
export class ReportTaskLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => MilestoneReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<MilestoneReport>;

  @Column({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column({ type: 'enum', enum: TASK_PROGRESS_STATUSES, enumName: 'task_progress_status' })
  status!: TaskProgressStatus;

  @Column({ type: 'smallint' })
  percentComplete!: number;

  @Column({ type: 'text', nullable: true })
  narrative!: string | null;

  @Column({ type: 'smallint', default: 0 })
  position!: number;
}
