import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { INDICATOR_DIRECTIONS, type IndicatorDirection } from '../common/domain.js';
import { numericTransformer } from '../database/column-transformers.js';
import { Task } from './task.entity.js';

@Entity('indicators')
@Index('IX_indicators_task_id', ['taskId'])
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => Task, (t) => t.indicators, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  unit!: string;

  @Column({ type: 'numeric', transformer: numericTransformer })
  baseline!: number;

  @Column({ type: 'smallint', nullable: true })
  baselineYear!: number | null;

  @Column({ type: 'numeric', transformer: numericTransformer })
  target!: number;

  @Column({ type: 'smallint' })
  targetYear!: number;

  @Column({ type: 'enum', enum: INDICATOR_DIRECTIONS, enumName: 'indicator_direction' })
  direction!: IndicatorDirection;

  @Column({ type: 'smallint', default: 0 })
  position!: number;
}
