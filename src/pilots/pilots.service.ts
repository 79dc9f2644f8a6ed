import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertCanSeePilot, filterByProvince, scopeToCaller } from '../auth/access-scope.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/database-errors.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { CreatePilotDto, PilotListQuery, PilotResponse, toPilotResponse, UpdatePilotDto } from './dto/pilot.dto.js';
import { Pilot } from './pilot.entity.js';

@Injectable()
export class PilotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: PilotListQuery): Promise<Page<PilotResponse>> {
    const qb = this.dataSource.getRepository(Pilot).createQueryBuilder('p');
    scopeToCaller(qb, user, 'p');
    filterByProvince(qb, query.province, 'p');
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.batch) qb.andWhere('p.batch = :batch', { batch: query.batch });
    const [pilots, total] = await qb.orderBy('p.code', 'ASC').take(query.limit).skip(query.offset).getManyAndCount();
    return { items: pilots.map(toPilotResponse), total };
  }

  /** The pilot, if the caller may see it; otherwise the same 404 as an unknown id. */
  async findVisible(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<Pilot> {
    const pilot = await manager.findOneBy(Pilot, { id });
    assertCanSeePilot(user, pilot);
    return pilot;
  }

  /**
   * The same answer as findVisible, without reading the pilot when the caller is its own user
   * (a user's pilot exists: the foreign key says so).
   */
  async assertVisible(user: AuthUser, id: string): Promise<void> {
    if (user.role === 'pilot' && user.pilotId === id) return;
    await this.findVisible(user, id);
  }

  async get(user: AuthUser, id: string): Promise<PilotResponse> {
    return toPilotResponse(await this.findVisible(user, id));
  }

  async create(dto: CreatePilotDto, actor: Actor): Promise<PilotResponse> {
    return this.dataSource.transaction(async (manager) => {
      const pilot = manager.create(Pilot, { ...dto, batch: dto.batch ?? 1 });
      await this.saveUnique(manager, pilot);
      await this.audit.record(manager, actor, { action: 'pilot.create', entityType: 'pilot', entityId: pilot.id, details: { ...dto } });
      return toPilotResponse(pilot);
    });
  }

  async update(id: string, dto: UpdatePilotDto, actor: Actor): Promise<PilotResponse> {
    return this.dataSource.transaction(async (manager) => {
      const pilot = await manager.findOne(Pilot, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!pilot) throw new NotFoundException('Pilot not found');
      Object.assign(pilot, dto);
      await this.saveUnique(manager, pilot);
      await this.audit.record(manager, actor, { action: 'pilot.update', entityType: 'pilot', entityId: pilot.id, details: { ...dto } });
      return toPilotResponse(pilot);
    });
  }

  private async saveUnique(manager: EntityManager, pilot: Pilot): Promise<void> {
    try {
      await manager.save(pilot);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`A pilot with code ${pilot.code} already exists`);
      throw error;
    }
  }
}
