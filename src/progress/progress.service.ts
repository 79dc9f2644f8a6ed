import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { isReceived } from '../common/domain.js';
import { ReportingPeriod } from '../periods/reporting-period.entity.js';
import type { PeriodProgressView } from './dto/progress.dto.js';
import {
  averagePercent,
  countProgress,
  progressByCategory,
  progressByProvince,
  taskLineCount,
  tasksByStatus,
} from './progress-figures.js';
import { ProgressRepository, type AggregationScope, type PilotSelection } from './progress.repository.js';

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ProgressRepository,
  ) {}

  /** Recomputes and stores the figures of every pilot of a period, or of every period of a pilot (the worker's jobs). */
  aggregate(scope: AggregationScope): Promise<boolean> {
    return this.repository.aggregate(scope, this.config.timezone);
  }

  async periodIds(): Promise<string[]> {
    const periods = await this.dataSource.getRepository(ReportingPeriod).find({ select: { id: true }, order: { startDate: 'ASC' } });
    return periods.map((period) => period.id);
  }

  stale(): Promise<{ pilotIds: string[]; periodIds: string[] }> {
    return this.repository.stale();
  }

  /**
   * The stored figures of a period over the pilots the caller may see. A period never
   * aggregated yet is aggregated on the spot, so the answer is never empty by accident.
   */
  async periodProgress(periodId: string, selection: PilotSelection): Promise<PeriodProgressView> {
    if (!(await this.dataSource.getRepository(ReportingPeriod).existsBy({ id: periodId }))) {
      throw new NotFoundException('Period not found');
    }
    let aggregatedAt = await this.repository.aggregatedAt(periodId);
    if (!aggregatedAt) {
      await this.aggregate({ periodId });
      aggregatedAt = (await this.repository.aggregatedAt(periodId))!;
    }
    const pilots = await this.repository.pilotFigures(periodId, selection);
    const categories = await this.repository.categoryFigures(periodId, selection);
    return {
      periodId,
      ...countProgress(pilots),
      tasksByStatus: tasksByStatus(pilots),
      milestones: {
        due: pilots.reduce((sum, p) => sum + p.milestonesDue, 0),
        completed: pilots.reduce((sum, p) => sum + p.milestonesCompleted, 0),
      },
      byProvince: progressByProvince(pilots),
      byCategory: progressByCategory(categories),
      byPilot: pilots.map((p) => {
        const lines = taskLineCount(p);
        return {
          pilotId: p.pilotId,
          reportStatus: p.reportStatus ?? 'none',
          submittedAt: p.submittedAt ? new Date(p.submittedAt).toISOString() : null,
          onTime: isReceived(p.reportStatus) && p.onTime,
          tasksTotal: lines,
          tasksCompleted: p.completed,
          avgPercentComplete: averagePercent(p.percentSum, lines),
        };
      }),
      aggregatedAt: aggregatedAt.toISOString(),
    };
  }
}
