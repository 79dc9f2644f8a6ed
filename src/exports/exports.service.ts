import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import { scopeOf } from '../auth/access-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayIn } from '../common/time.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ProgressService } from '../progress/progress.service.js';
import type { ProgressExportQuery, ReportExportQuery, TaskExportQuery } from './dto/export-query.dto.js';
import { ExportsRepository } from './exports.repository.js';
import { progressSheets } from './sheets/progress-sheets.js';
import { reportSheet } from './sheets/report-sheet.js';
import { taskSheet } from './sheets/task-sheet.js';
import { tableFile, xlsxFile, type TableFileOptions } from './table/table-file.js';

/** Downloads of what the lists show, within the caller's scope, streamed as they are read. */
@Injectable()
export class ExportsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ExportsRepository,
    private readonly progress: ProgressService,
  ) {}

  tasks(user: AuthUser, query: TaskExportQuery): StreamableFile {
    const rows = this.repository.taskRows({ scope: scopeOf(user), pilotId: query.pilotId, province: query.province });
    return tableFile(query.format, taskSheet(rows), this.fileOptions('tasks'));
  }

  reports(user: AuthUser, query: ReportExportQuery): StreamableFile {
    const rows = this.repository.reportLines({ scope: scopeOf(user), province: query.province }, query.periodId);
    return tableFile(query.format, reportSheet(rows), this.fileOptions('reports'));
  }

  /** The period's progress figures over the caller's scope; an unknown period answers 404. */
  async periodProgress(user: AuthUser, query: ProgressExportQuery): Promise<StreamableFile> {
    const progress = await this.progress.periodProgress(query.periodId, { scope: scopeOf(user), province: query.province });
    const label = (await this.repository.periodLabel(query.periodId)) ?? query.periodId;
    const pilots = await this.repository.pilots(progress.byPilot.map((p) => p.pilotId));
    return xlsxFile(progressSheets(label, progress, pilots), { ...this.fileOptions('progress'), filename: `progress-${label}` });
  }

  private fileOptions(name: string): TableFileOptions {
    return { filename: `${name}-${todayIn(this.config.timezone)}`, timezone: this.config.timezone };
  }
}
