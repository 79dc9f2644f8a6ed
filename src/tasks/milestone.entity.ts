import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Task } from './task.entity.js';

@Entity('milestones')
@Index('IX_milestones_task_id', ['taskId'])
// The overdue list and the reminder scan read milestones by deadline, with their completion.
@Index('IX_milestones_due_first_completed', ['dueDate', 'firstCompletedOn'])
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

  /**
   * The earliest completion date any received (submitted or accepted) report records: the
   * milestone is open on day D while this is null or after D. Kept by the report transitions
   * (OverdueStateRepository), so the overdue rules never replay the report history.
   */
  @Column({ type: 'date', nullable: true })
  firstCompletedOn!: string | null;

  /** Keeps the order the plan lists them in. */
  @Column({ type: 'smallint', default: 0 })
  position!: number;
}
