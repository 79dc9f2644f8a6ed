import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Task } from './task.entity.js';

@Entity('milestones')
@Index('IX_milestones_task_id', ['taskId'])
@Index('IX_milestones_due_date', ['dueDate'])
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, (t) => t.milestones, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  /** Keeps the order the plan lists them in. */
  @Column({ type: 'smallint', default: 0 })
  position!: number;
}
