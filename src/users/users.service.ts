import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { PasswordService } from '../auth/password.service.js';
import { passwordProblem } from '../auth/password-policy.js';
import type { UserRole } from '../common/domain.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { Pilot } from '../pilots/pilot.entity.js';
import { CreateUserDto, UpdateUserDto, UserListQuery, UserResponse, toUserResponse } from './dto/user.dto.js';
import { User } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

export type SessionUser = Pick<User, 'id' | 'email' | 'role' | 'pilotId' | 'province' | 'tokenVersion'>;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  findActiveById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id, active: true });
  }

  /** What every authenticated request needs of its active user, in one light read. */
  async findSessionUser(id: string): Promise<SessionUser | null> {
    const rows = await this.dataSource.query<SessionUser[]>(
      `SELECT id, email, role, pilot_id AS "pilotId", province, token_version AS "tokenVersion" FROM users WHERE id = $1 AND active`,
      [id],
    );
    return rows[0] ?? null;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundException('User not found');
    return toUserResponse(user);
  }

  async list(query: UserListQuery): Promise<Page<UserResponse>> {
    const [users, total] = await this.dataSource.getRepository(User).findAndCount({
      where: { role: query.role, pilotId: query.pilotId },
      order: { email: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: users.map(toUserResponse), total };
  }

  async create(dto: CreateUserDto, actor: Actor): Promise<UserResponse> {
    const problems = [
      passwordProblem(dto.password, dto.email),
      ...this.roleProblems(dto.role, dto.pilotId ?? null, dto.province ?? null),
    ].filter((p): p is string => p !== null);
    if (problems.length) throw new BadRequestException(problems);

    return this.dataSource.transaction(async (manager) => {
      if (dto.pilotId) await this.assertPilotExists(manager, dto.pilotId);
      const user = manager.create(User, {
        email: dto.email,
        passwordHash: await this.passwords.hash(dto.password),
        role: dto.role,
        pilotId: dto.pilotId ?? null,
        province: dto.province ?? null,
        displayName: dto.displayName ?? null,
        language: dto.language ?? 'zh',
      });
      try {
        await manager.save(user);
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
          throw new ConflictException(`A user with email ${dto.email} already exists`);
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: { email: user.email, role: user.role, pilotId: user.pilotId, province: user.province },
      });
      return toUserResponse(user);
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserResponse> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('User not found');

      const role = dto.role ?? user.role;
      // Leaving the pilot role drops the pilot link; any other change keeps what is stored.
      const pilotId = dto.pilotId !== undefined ? dto.pilotId : role === 'pilot' ? user.pilotId : null;
      const province = dto.province !== undefined ? dto.province : role === 'reviewer' ? user.province : null;
      const problems = this.roleProblems(role, pilotId, province);
      const weakPassword = dto.password === undefined ? null : passwordProblem(dto.password, user.email);
      if (weakPassword) problems.push(weakPassword);
      if (problems.length) throw new BadRequestException(problems);
      if (pilotId && pilotId !== user.pilotId) await this.assertPilotExists(manager, pilotId);

      const demoted = user.role === 'admin' && (role !== 'admin' || dto.active === false);
      if (demoted && user.active) await this.assertAnotherActiveAdmin(manager, user.id);

      const revokesTokens = (dto.active === false && user.active) || dto.password !== undefined || role !== user.role;
      const changes: Partial<User> = {
        role,
        pilotId,
        province,
        active: dto.active ?? user.active,
        displayName: dto.displayName !== undefined ? dto.displayName : user.displayName,
        language: dto.language ?? user.language,
        tokenVersion: revokesTokens ? user.tokenVersion + 1 : user.tokenVersion,
      };
      if (dto.password !== undefined) changes.passwordHash = await this.passwords.hash(dto.password);
      Object.assign(user, changes);
      await manager.save(user);

      const { password: _password, ...visible } = dto;
      await this.audit.record(manager, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: user.id,
        details: { ...visible, passwordChanged: dto.password !== undefined },
      });
      return toUserResponse(user);
    });
  }

  /**
   * Creates the bootstrap admin when no user has that email. Safe when several processes
   * start at once: the unique email decides.
   */
  async ensureAdmin(email: string, password: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(User)
      .values({ email: email.toLowerCase(), passwordHash: await this.passwords.hash(password), role: 'admin' })
      .orIgnore()
      .execute();
    return result.identifiers.some(Boolean);
  }

  private roleProblems(role: UserRole, pilotId: string | null, province: string | null): string[] {
    const problems: string[] = [];
    if (role === 'pilot' && !pilotId) problems.push('pilotId is required for role pilot');
    if (role !== 'pilot' && pilotId) problems.push('pilotId is only allowed for role pilot');
    if (role !== 'reviewer' && province) problems.push('province is only allowed for role reviewer');
    return problems;
  }

  private async assertPilotExists(manager: EntityManager, pilotId: string): Promise<void> {
    if (!(await manager.existsBy(Pilot, { id: pilotId }))) {
      throw new BadRequestException([`pilotId ${pilotId} does not name a pilot`]);
    }
  }

  private async assertAnotherActiveAdmin(manager: EntityManager, exceptId: string): Promise<void> {
    // Locking the other admins serialises two admins demoting each other at the same moment.
    const others = await manager
      .createQueryBuilder(User, 'u')
      .select('u.id')
      .setLock('pessimistic_write')
      .where("u.role = 'admin' AND u.active AND u.id <> :exceptId", { exceptId })
      .getMany();
    if (others.length === 0) throw new ConflictException('The last active admin cannot be deactivated or demoted');
  }
}
