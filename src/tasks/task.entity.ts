import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { TASK_CATEGORIES, TASK_PROGRESS_STATUSES, type TaskCategory, type TaskProgressStatus } from '../common/domain.js';
import { Pilot } from '../pilots/pilot.entity.js';
import { Indicator } from './indicator.entity.js';
import { Milestone } from './milestone.entity.js';

@Entity('tasks')
@Index('UQ_tasks_pilot_code', ['pilotId', 'code'], { unique: true })
@Index('IX_tasks_due_date', ['dueDate'])
// Overdue tasks and the reminder scan: the unfinished tasks, by deadline.
@Index('IX_tasks_due_unfinished', ['dueDate'], { where: `"latest_status" IS DISTINCT FROM 'completed'` })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pilotId!: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Relation<Pilot>;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'enum', enum: TASK_CATEGORIES, enumName: 'task_category' })
  category!: TaskCategory;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  leadUnit!: string | null;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date' })
  dueDate!: string;

  /**
   * The task's status in the received report of the latest period that has a line for it (null
   * before any): the task is unfinished until this is 'completed'. Kept by the report
   * transitions and period edits (OverdueStateRepository).
   */
  @Column({ type: 'enum', enum: TASK_PROGRESS_STATUSES, enumName: 'task_progress_status', nullable: true })
  latestStatus!: TaskProgressStatus | null;

  @OneToMany(() => Milestone, (m) => m.task)
  milestones?: Relation<Milestone>[];

  @OneToMany(() => Indicator, (i) => i.task)
  indicators?: Relation<Indicator>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
