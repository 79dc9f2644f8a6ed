import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/database-errors.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { JobName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { OverdueRepository } from '../overdue/overdue.repository.js';
import {
  CreatePeriodDto,
  periodDateProblems,
  PeriodListQuery,
  PeriodResponse,
  toPeriodResponse,
  UpdatePeriodDto,
} from './dto/period.dto.js';
import { ReportingPeriod } from './reporting-period.entity.js';

@Injectable()
export class PeriodsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly overdue: OverdueRepository,
    private readonly jobs: JobQueue,
  ) {}

  async list(query: PeriodListQuery): Promise<Page<PeriodResponse>> {
    const [periods, total] = await this.dataSource.getRepository(ReportingPeriod).findAndCount({
      where: { closed: query.closed },
      order: { startDate: 'ASC', label: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: periods.map(toPeriodResponse), total };
  }

  async get(id: string): Promise<PeriodResponse> {
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneBy({ id });
    if (!period) throw new NotFoundException('Period not found');
    return toPeriodResponse(period);
  }

  async create(dto: CreatePeriodDto, actor: Actor): Promise<PeriodResponse> {
    const problems = periodDateProblems(dto);
    if (problems.length) throw new BadRequestException(problems);
    const created = await this.dataSource.transaction(async (manager) => {
      const period = manager.create(ReportingPeriod, dto);
      await this.saveUnique(manager, period);
      await this.audit.record(manager, actor, { action: 'period.create', entityType: 'period', entityId: period.id, details: { ...dto } });
      return toPeriodResponse(period);
    });
    await this.jobs.enqueue(JobName.AggregatePeriod, { periodId: created.id });
    return created;
  }

  async update(id: string, dto: UpdatePeriodDto, actor: Actor): Promise<PeriodResponse> {
    let datesMoved = false;
    const updated = await this.mutate(
      id,
      actor,
      'period.update',
      { ...dto },
      (period) => {
        datesMoved = (dto.startDate ?? period.startDate) !== period.startDate || (dto.endDate ?? period.endDate) !== period.endDate;
        Object.assign(period, dto);
        const problems = periodDateProblems(period);
        if (problems.length) throw new BadRequestException(problems);
      },
      // Which period is a task's latest depends on the periods' dates.
      (manager) => (datesMoved ? this.overdue.refreshState(manager) : Promise.resolve()),
    );
    // Which milestones are due and which reports were on time depend on the dates.
    if (datesMoved || dto.dueDate !== undefined) await this.jobs.enqueue(JobName.AggregatePeriod, { periodId: id });
    return updated;
  }

  close(id: string, actor: Actor): Promise<PeriodResponse> {
    return this.mutate(id, actor, 'period.close', {}, (period) => {
      period.closed = true;
    });
  }

  reopen(id: string, actor: Actor): Promise<PeriodResponse> {
    return this.mutate(id, actor, 'period.reopen', {}, (period) => {
      period.closed = false;
    });
  }

  /** Locks the period, applies a change, saves it and records the audit event in one transaction. */
  private mutate(
    id: string,
    actor: Actor,
    action: string,
    details: Record<string, unknown>,
    change: (period: ReportingPeriod) => void,
    afterSave?: (manager: EntityManager) => Promise<void>,
  ): Promise<PeriodResponse> {
    return this.dataSource.transaction(async (manager) => {
      const period = await manager.findOne(ReportingPeriod, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!period) throw new NotFoundException('Period not found');
      change(period);
      await this.saveUnique(manager, period);
      await afterSave?.(manager);
      await this.audit.record(manager, actor, { action, entityType: 'period', entityId: period.id, details });
      return toPeriodResponse(period);
    });
  }

  private async saveUnique(manager: EntityManager, period: ReportingPeriod): Promise<void> {
    try {
      await manager.save(period);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`A period labelled ${period.label} already exists`);
      throw error;
    }
  }
}
