import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { scopeOf } from '../auth/access-scope.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { todayIn } from '../common/time.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ReportingPeriod } from '../periods/reporting-period.entity.js';
import type { CreateSummaryDto, SummaryListQuery, SummaryView } from './dto/summary.dto.js';
import { SummaryReport } from './entities/summary-report.entity.js';
import { SummariesRepository } from './summaries.repository.js';
import { toSummaryView } from './summary.mapper.js';

export interface SummaryDownload {
  stream: Readable;
  bytes: number;
  filename: string;
}

@Injectable()
export class SummariesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly summaries: SummariesRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  /** Stores the request and queues its rendering; a province-scoped reviewer stays in its province. */
  async request(actor: Actor & { user: AuthUser }, dto: CreateSummaryDto): Promise<SummaryView> {
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneBy({ id: dto.periodId });
    if (!period) throw new NotFoundException('Period not found');
    const scope = scopeOf(actor.user);
    const askedProvince = dto.province ?? scope.province;
    const province = askedProvince === undefined ? null : await this.summaries.resolveProvince(askedProvince);
    if (askedProvince !== undefined && !province) throw new BadRequestException([`province ${askedProvince} matches no pilot`]);
    if (scope.province !== undefined && province && ![province.provinceZh, province.provinceEn].includes(scope.province)) {
      throw new ForbiddenException(`You may request summaries for ${scope.province} only`);
    }
    if (dto.pilotIds) await this.assertPilotsInScope(dto.pilotIds, province?.provinceZh ?? null);

    const summary = await this.dataSource.transaction(async (manager) => {
      const created = manager.create(SummaryReport, {
        periodId: period.id,
        provinceZh: province?.provinceZh ?? null,
        provinceEn: province?.provinceEn ?? null,
        pilotIds: dto.pilotIds ? [...new Set(dto.pilotIds)] : null,
        language: dto.language ?? 'zh',
        asOf: dto.asOf ?? todayIn(this.config.timezone),
        requestedBy: actor.user.id,
      });
      await manager.save(created);
      await this.audit.record(manager, actor, {
        action: 'summary.request',
        entityType: 'summary',
        entityId: created.id,
        details: { periodId: period.id, province: created.provinceZh, pilots: created.pilotIds?.length ?? null, language: created.language },
      });
      return created;
    });
    await this.jobs.enqueue(JobName.RenderSummary, { summaryId: summary.id });
    return toSummaryView(summary);
  }

  async list(user: AuthUser, query: SummaryListQuery): Promise<Page<SummaryView>> {
    const page = await this.summaries.list(query, scopeOf(user));
    return { items: page.items.map(toSummaryView), total: page.total };
  }

  async get(user: AuthUser, id: string): Promise<SummaryView> {
    return toSummaryView(await this.findVisible(user, id));
  }

  async download(user: AuthUser, id: string): Promise<SummaryDownload> {
    const summary = await this.findVisible(user, id);
    if (summary.status === 'failed') throw new ConflictException(`The summary failed to render: ${summary.error ?? 'unknown error'}`);
    if (summary.status !== 'ready' || summary.bytes === null) {
      throw new ConflictException(`The summary is not ready yet (${summary.status}, ${summary.progress}%)`);
    }
    const stream = await this.summaries.openFile(summary.id, summary.bytes);
    if (!stream) throw new ConflictException('The summary file is missing; request the summary again');
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneByOrFail({ id: summary.periodId });
    const scope = summary.provinceEn ? `-${summary.provinceEn}` : '';
    return { stream, bytes: summary.bytes, filename: `summary-${period.label}${scope}-${summary.language}.pdf` };
  }

  private async findVisible(user: AuthUser, id: string): Promise<SummaryReport> {
    const summary = await this.summaries.findById(id);
    const scope = scopeOf(user);
    const visible =
      summary && (scope.province === undefined || [summary.provinceZh, summary.provinceEn].includes(scope.province));
    if (!visible) throw new NotFoundException('Summary not found');
    return summary;
  }

  private async assertPilotsInScope(pilotIds: string[], provinceZh: string | null): Promise<void> {
    const found = await this.summaries.pilotsInScope({ province: provinceZh, pilotIds });
    const known = new Set(found.map((p) => p.id));
    const problems = pilotIds
      .map((id, index) => (known.has(id) ? null : `pilotIds.${index} ${id} is not a pilot${provinceZh ? ` of ${provinceZh}` : ''}`))
      .filter((p): p is string => p !== null);
    if (problems.length) throw new BadRequestException(problems);
  }
}
