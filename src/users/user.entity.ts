import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRole } from '../common/domain.js';
import { Pilot } from '../pilots/pilot.entity.js';

@Entity('users')
@Index('UQ_users_email', ['email'], { unique: true })
@Index('IX_users_pilot_id', ['pilotId'])
@Check('CK_users_pilot_role', `("role" = 'pilot') = ("pilot_id" IS NOT NULL)`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased: addresses are compared case-insensitively. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role!: UserRole;

  @Column({ type: 'uuid', nullable: true })
  pilotId!: string | null;

  @ManyToOne(() => Pilot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Relation<Pilot> | null;

  /** A reviewer's scope: matches a pilot's provinceZh or provinceEn. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  province!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  displayName!: string | null;

  /** Language of the notices sent to this user by email. */
  @Column({ type: 'enum', enum: USER_LANGUAGES, enumName: 'user_language', default: 'zh' })
  language!: UserLanguage;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped when a user is deactivated or its password changes, so issued tokens stop working. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
