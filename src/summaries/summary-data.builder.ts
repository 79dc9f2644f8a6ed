import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { OverdueRepository } from '../overdue/overdue.repository.js';
import type { IndicatorRow, PilotSection, SummaryData } from '../pdf/summary-data.js';
import { ReportingPeriod } from '../periods/reporting-period.entity.js';
import { ProgressService } from '../progress/progress.service.js';
import type { SummaryReport } from './entities/summary-report.entity.js';
import { SummariesRepository, type IndicatorRowData } from './summaries.repository.js';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Share of the way from baseline to target; works for decreasing indicators too. */
export function indicatorProgress(baseline: number, target: number, value: number | null): number | null {
  if (value === null || target === baseline) return null;
  return (value - baseline) / (target - baseline);
}

/** Builds the plain SummaryData of a summary request from the database, as of now. */
@Injectable()
export class SummaryDataBuilder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly summaries: SummariesRepository,
    private readonly progress: ProgressService,
    private readonly overdue: OverdueRepository,
  ) {}

  async build(summary: SummaryReport): Promise<SummaryData> {
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneByOrFail({ id: summary.periodId });
    const selection = { province: summary.provinceZh, pilotIds: summary.pilotIds };
    const pilots = await this.summaries.pilotsInScope(selection);
    const pilotIds = pilots.map((p) => p.id);

    const progress = await this.progress.periodProgress(period.id, {
      scope: {},
      province: summary.provinceZh ?? undefined,
      pilotIds: summary.pilotIds ?? undefined,
    });
    const overdue = await this.overdue.list({
      asOf: summary.asOf,
      scope: {},
      province: summary.provinceZh ?? undefined,
      pilotIds: summary.pilotIds ?? undefined,
    });
    const reports = await this.summaries.reports(period.id, pilotIds);
    const reviews = groupBy(await this.summaries.reviews(reports.map((r) => r.id)), (r) => r.reportId);
    const tasks = groupBy(await this.summaries.taskPlans(pilotIds, period.endDate), (t) => t.pilotId);
    const lines = new Map((await this.summaries.taskLines(period.id, pilotIds)).map((l) => [l.taskId, l]));
    const indicators = groupBy(await this.summaries.indicators(pilotIds, period.endDate), (i) => i.pilotId);
    const experiences = await this.summaries.experiences(period.id, pilotIds);
    const attachments = groupBy(await this.summaries.attachmentNames(reports.map((r) => r.id)), (a) => a.reportId);
    const reportByPilot = new Map(reports.map((r) => [r.pilotId, r]));
    const onTimeByPilot = new Map(progress.byPilot.map((p) => [p.pilotId, p.onTime]));
    const pilotById = new Map(pilots.map((p) => [p.id, p]));

    const sections: PilotSection[] = pilots.map((pilot) => {
      const report = reportByPilot.get(pilot.id);
      const submitted = report && report.status !== 'draft';
      return {
        id: pilot.id,
        code: pilot.code,
        kind: pilot.kind,
        nameZh: pilot.nameZh,
        nameEn: pilot.nameEn,
        provinceZh: pilot.provinceZh,
        provinceEn: pilot.provinceEn,
        report: submitted
          ? {
              status: report.status,
              revision: report.revision,
              submittedAt: report.submittedAt ? new Date(report.submittedAt).toISOString() : null,
              onTime: onTimeByPilot.get(pilot.id) ?? false,
              summary: report.summary,
              reviews: (reviews.get(report.id) ?? []).map((r) => ({
                decision: r.decision,
                note: r.note,
                at: new Date(r.at).toISOString(),
              })),
            }
          : null,
        tasks: (tasks.get(pilot.id) ?? []).map((task) => {
          const line = lines.get(task.id);
          return {
            code: task.code,
            title: task.title,
            category: task.category,
            dueDate: task.dueDate,
            status: line?.status ?? null,
            percentComplete: line?.percentComplete ?? null,
            narrative: line?.narrative ?? null,
            milestonesCompleted: task.milestonesCompleted,
            milestonesDue: task.milestonesDue,
            milestonesTotal: task.milestonesTotal,
          };
        }),
        indicators: (indicators.get(pilot.id) ?? []).map(toIndicatorRow),
        attachments: submitted ? (attachments.get(report.id) ?? []).map((a) => a.filename) : [],
      };
    });

    const { periodId: _periodId, aggregatedAt: _aggregatedAt, byPilot: _byPilot, ...overview } = progress;
    return {
      summaryId: summary.id,
      language: summary.language,
      generatedAt: new Date().toISOString(),
      asOf: summary.asOf,
      timezone: this.config.timezone,
      period: { id: period.id, label: period.label, startDate: period.startDate, endDate: period.endDate, dueDate: period.dueDate },
      scope: {
        province: summary.language === 'en' ? summary.provinceEn : summary.provinceZh,
        selectedPilots: summary.pilotIds !== null,
        pilotCount: pilots.length,
      },
      overview: {
        ...overview,
        byCategory: overview.byCategory.map(({ tasksByStatus: _s, ...category }) => category),
        byProvince: overview.byProvince.map(({ provinceZh, provinceEn, expected, received, onTime, completeness, timeliness }) => ({
          provinceZh,
          provinceEn,
          expected,
          received,
          onTime,
          completeness,
          timeliness,
        })),
      },
      overdue: overdue.items.map((item) => ({
        type: item.type,
        pilotCode: item.pilotCode,
        pilotNameZh: item.pilotName,
        pilotNameEn: item.pilotNameEn,
        title: item.title,
        taskCode: item.taskCode,
        dueDate: item.dueDate,
        daysOverdue: item.daysOverdue,
      })),
      pilots: sections,
      experiences: experiences.map((e) => {
        const pilot = pilotById.get(e.pilotId)!;
        return {
          pilotCode: pilot.code,
          pilotNameZh: pilot.nameZh,
          pilotNameEn: pilot.nameEn,
          category: e.category,
          title: e.title,
          summary: e.summary,
          tags: e.tags,
          recommended: e.recommended,
        };
      }),
    };
  }
}

function toIndicatorRow(row: IndicatorRowData): IndicatorRow {
  const { pilotId: _pilotId, ...indicator } = row;
  return { ...indicator, progress: indicatorProgress(row.baseline, row.target, row.latestValue) };
}
