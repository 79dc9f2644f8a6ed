import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PILOT_KINDS, type PilotKind } from '../common/domain.js';

@Entity('pilots')
@Index('UQ_pilots_code', ['code'], { unique: true })
@Index('IX_pilots_province_zh', ['provinceZh'])
@Index('IX_pilots_province_en', ['provinceEn'])
export class Pilot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'enum', enum: PILOT_KINDS, enumName: 'pilot_kind' })
  kind!: PilotKind;

  @Column({ type: 'varchar', length: 200 })
  nameZh!: string;

  @Column({ type: 'varchar', length: 200 })
  nameEn!: string;

  @Column({ type: 'varchar', length: 100 })
  provinceZh!: string;

  @Column({ type: 'varchar', length: 100 })
  provinceEn!: string;

  @Column({ type: 'smallint', default: 1 })
  batch!: number;

  /**
   * When the pilot's plan (its tasks and their milestones and indicators) last changed: progress
   * figures computed from an older plan are stale.
   */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  planChangedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
