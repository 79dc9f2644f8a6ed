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
import { TASK_CATEGORIES, type TaskCategory } from '../common/domain.js';
import { Pilot } from '../pilots/pilot.entity.js';
import { Indicator } from './indicator.entity.js';
import { Milestone } from './milestone.entity.js';

@Entity('tasks')
@Index('UQ_tasks_pilot_code', ['pilotId', 'code'], { unique: true })
@Index('IX_tasks_due_date', ['dueDate'])
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

  @OneToMany(() => Milestone, (m) => m.task)
  milestones?: Relation<Milestone>[];

  @OneToMany(() => Indicator, (i) => i.task)
  indicators?: Relation<Indicator>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
