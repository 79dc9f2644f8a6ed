import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertCanSeePilot } from '../auth/access-scope.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/database-errors.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { Pilot } from '../pilots/pilot.entity.js';
import { markPlanChanged } from '../pilots/plan-changes.js';
import { PilotsService } from '../pilots/pilots.service.js';
import { ReportIndicatorValue } from '../reports/entities/report-indicator-value.entity.js';
import { JobName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ReportMilestoneCompletion } from '../reports/entities/report-milestone-completion.entity.js';
import {
  CreateTaskDto,
  IndicatorUpdateInput,
  MilestoneUpdateInput,
  TaskListQuery,
  TaskResponse,
  UpdateTaskDto,
} from './dto/task.dto.js';
import { Indicator } from './indicator.entity.js';
import { Milestone } from './milestone.entity.js';
import { toTaskResponse } from './task.mapper.js';
import { taskRuleProblems } from './task-rules.js';
import { Task } from './task.entity.js';

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pilots: PilotsService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  async list(user: AuthUser, pilotId: string, query: TaskListQuery): Promise<Page<TaskResponse>> {
    await this.pilots.findVisible(user, pilotId);
    const [tasks, total] = await this.dataSource.getRepository(Task).findAndCount({
      where: { pilotId, category: query.category },
      order: { code: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: await this.withChildren(this.dataSource.manager, tasks), total };
  }

  async get(user: AuthUser, id: string): Promise<TaskResponse> {
    const task = await this.dataSource.getRepository(Task).findOne({ where: { id }, relations: { pilot: true } });
    assertCanSeePilot(user, task?.pilot ?? null, 'Task');
    const [response] = await this.withChildren(this.dataSource.manager, [task!]);
    return response!;
  }

  async create(pilotId: string, dto: CreateTaskDto, actor: Actor): Promise<TaskResponse> {
    const problems = taskRuleProblems(dto, dto.indicators);
    if (problems.length) throw new BadRequestException(problems);
    const created = await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Pilot, { id: pilotId }))) throw new NotFoundException('Pilot not found');
      const { milestones = [], indicators = [], ...fields } = dto;
      const task = manager.create(Task, { ...fields, pilotId });
      await this.saveUnique(manager, task);
      await markPlanChanged(manager, { ids: [pilotId] });
      await manager.save(milestones.map((m, position) => manager.create(Milestone, { ...m, taskId: task.id, position })));
      await manager.save(indicators.map((i, position) => manager.create(Indicator, { ...i, taskId: task.id, position })));
      await this.audit.record(manager, actor, {
        action: 'task.create',
        entityType: 'task',
        entityId: task.id,
        details: { pilotId, code: task.code },
      });
      const [response] = await this.withChildren(manager, [task]);
      return response!;
    });
    return this.afterChange(created);
  }

  async update(id: string, dto: UpdateTaskDto, actor: Actor): Promise<TaskResponse> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const task = await manager.findOne(Task, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw new NotFoundException('Task not found');
      const { milestones, indicators, ...fields } = dto;
      Object.assign(task, fields);
      const problems = taskRuleProblems(task, indicators);
      if (problems.length) throw new BadRequestException(problems);
      await this.saveUnique(manager, task);
      await markPlanChanged(manager, { ids: [task.pilotId] });
      if (milestones) await this.replaceMilestones(manager, task.id, milestones);
      if (indicators) await this.replaceIndicators(manager, task.id, indicators);
      await this.audit.record(manager, actor, {
        action: 'task.update',
        entityType: 'task',
        entityId: task.id,
        details: { ...fields, milestonesReplaced: !!milestones, indicatorsReplaced: !!indicators },
      });
      const [response] = await this.withChildren(manager, [task]);
      return response!;
    });
    return this.afterChange(updated);
  }

  /** After the commit: the pilot's progress counts the task's deadlines and category in every period. */
  private async afterChange(task: TaskResponse): Promise<TaskResponse> {
    await this.jobs.enqueue(JobName.AggregatePilot, { pilotId: task.pilotId });
    return task;
  }

  /** Loads the milestones and indicators of many tasks in two queries. */
  private async withChildren(manager: EntityManager, tasks: Task[]): Promise<TaskResponse[]> {
    if (tasks.length === 0) return [];
    const taskIds = tasks.map((t) => t.id);
    // Sequential on purpose: inside a transaction all queries share one connection.
    const milestones = await manager.find(Milestone, { where: { taskId: In(taskIds) }, order: { position: 'ASC', dueDate: 'ASC' } });
    const indicators = await manager.find(Indicator, { where: { taskId: In(taskIds) }, order: { position: 'ASC' } });
    return tasks.map((task) =>
      toTaskResponse(
        task,
        milestones.filter((m) => m.taskId === task.id),
        indicators.filter((i) => i.taskId === task.id),
      ),
    );
  }

  private async replaceMilestones(manager: EntityManager, taskId: string, inputs: MilestoneUpdateInput[]): Promise<void> {
    const existing = await manager.find(Milestone, { where: { taskId } });
    const removed = this.planReplacement('milestones', existing, inputs);
    if (removed.length) {
      await this.assertUnreferenced(manager, ReportMilestoneCompletion, 'milestoneId', removed, 'milestone');
      await manager.delete(Milestone, { id: In(removed) });
    }
    await manager.save(inputs.map((m, position) => manager.create(Milestone, { ...m, taskId, position })));
  }

  private async replaceIndicators(manager: EntityManager, taskId: string, inputs: IndicatorUpdateInput[]): Promise<void> {
    const existing = await manager.find(Indicator, { where: { taskId } });
    const removed = this.planReplacement('indicators', existing, inputs);
    if (removed.length) {
      await this.assertUnreferenced(manager, ReportIndicatorValue, 'indicatorId', removed, 'indicator');
      await manager.delete(Indicator, { id: In(removed) });
    }
    await manager.save(inputs.map((i, position) => manager.create(Indicator, { ...i, taskId, position })));
  }

  /** Checks that given ids belong to the task and appear once; returns the ids to remove. */
  private planReplacement(field: string, existing: { id: string }[], inputs: { id?: string }[]): string[] {
    const known = new Set(existing.map((e) => e.id));
    const seen = new Set<string>();
    const problems: string[] = [];
    inputs.forEach((input, index) => {
      if (!input.id) return;
      if (!known.has(input.id)) problems.push(`${field}.${index}.id does not belong to this task`);
      else if (seen.has(input.id)) problems.push(`${field}.${index}.id appears more than once`);
      seen.add(input.id);
    });
    if (problems.length) throw new BadRequestException(problems);
    return existing.filter((e) => !seen.has(e.id)).map((e) => e.id);
  }

  private async assertUnreferenced(
    manager: EntityManager,
    entity: typeof ReportMilestoneCompletion | typeof ReportIndicatorValue,
    column: 'milestoneId' | 'indicatorId',
    ids: string[],
    what: string,
  ): Promise<void> {
    const referenced = await manager.getRepository(entity).count({ where: { [column]: In(ids) } });
    if (referenced > 0) {
      throw new ConflictException(`A ${what} that reports already refer to cannot be removed; keep it in the list`);
    }
  }

  private async saveUnique(manager: EntityManager, task: Task): Promise<void> {
    try {
      await manager.save(task);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`The pilot already has a task with code ${task.code}`);
      throw error;
    }
  }
}
