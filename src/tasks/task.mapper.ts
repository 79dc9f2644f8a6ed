import type { IndicatorResponse, MilestoneResponse, TaskResponse } from './dto/task.dto.js';
import type { Indicator } from './indicator.entity.js';
import type { Milestone } from './milestone.entity.js';
import type { Task } from './task.entity.js';

export function toMilestoneResponse(m: Milestone): MilestoneResponse {
  return { id: m.id, title: m.title, dueDate: m.dueDate };
}

export function toIndicatorResponse(i: Indicator): IndicatorResponse {
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    baseline: i.baseline,
    baselineYear: i.baselineYear,
    target: i.target,
    targetYear: i.targetYear,
    direction: i.direction,
  };
}

export function toTaskResponse(task: Task, milestones: Milestone[], indicators: Indicator[]): TaskResponse {
  return {
    id: task.id,
    pilotId: task.pilotId,
    code: task.code,
    title: task.title,
    category: task.category,
    description: task.description,
    leadUnit: task.leadUnit,
    startDate: task.startDate,
    dueDate: task.dueDate,
    milestones: milestones.map(toMilestoneResponse),
    indicators: indicators.map(toIndicatorResponse),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}
