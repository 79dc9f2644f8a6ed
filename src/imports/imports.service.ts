import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { JobName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { markPlanChanged } from '../pilots/plan-changes.js';
import { ImportErrors } from './import-errors.js';
import { ImportsRepository, type ImportCounts, type PilotImportCounts, type TaskImportCounts } from './imports.repository.js';
import { PILOT_LAYOUT, TASK_LAYOUT } from './layouts.js';
import { PilotSheet } from './pilot-sheet.js';
import { LayoutReader, type Layout, type ParsedRow } from './sheet/layout.js';
import { detectSheetFormat, readSheet, type SheetFormat } from './sheet/sheet-reader.js';
import { TaskSheet } from './task-sheet.js';

/** The largest import file, CSV or XLSX. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Imports of tasks (with milestones and indicators) and pilots from a spreadsheet: every cell is
 * checked first, then the writes are made set-based in one transaction, all or nothing.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly repository: ImportsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  async importTasks(actor: Actor, file: Buffer, dryRun: boolean): Promise<ImportCounts<TaskImportCounts>> {
    const errors = new ImportErrors();
    const sheet = new TaskSheet(errors);
    const format = await this.readRows(file, TASK_LAYOUT, ['pilot_code', 'task_code'], errors, (row) => sheet.add(row));
    const counts = await this.repository.transaction(!dryRun, async (manager) => {
      const references = sheet.references();
      const plan = sheet.plan(await this.repository.knownTasks(manager, references));
      const written = await this.repository.writeTasks(manager, plan);
      if ([written.created, written.updated].some((counts) => Object.values(counts).some((n) => n > 0))) {
        await markPlanChanged(manager, { codes: references.pilotCodes });
      }
      await this.record(manager, actor, 'import.tasks', format, file, written);
      return written;
    });
    // Deadlines and categories count in every period's progress.
    if (!dryRun) await this.jobs.enqueue(JobName.AggregateAllPeriods, {});
    return counts;
  }

  async importPilots(actor: Actor, file: Buffer, dryRun: boolean): Promise<ImportCounts<PilotImportCounts>> {
    const errors = new ImportErrors();
    const sheet = new PilotSheet(errors);
    const format = await this.readRows(file, PILOT_LAYOUT, ['code'], errors, (row) => sheet.add(row));
    return this.repository.transaction(!dryRun, async (manager) => {
      const plan = sheet.plan(await this.repository.pilotIds(manager, sheet.codes()));
      const counts = await this.repository.writePilots(manager, plan);
      await this.record(manager, actor, 'import.pilots', format, file, counts);
      return counts;
    });
  }

  /** Reads the file's first sheet as `layout`, handing each valid row on; answers the format it was in. */
  private async readRows<L extends Layout>(
    file: Buffer,
    layout: L,
    required: readonly (keyof L & string)[],
    errors: ImportErrors,
    onRow: (row: ParsedRow<L>) => void,
  ): Promise<SheetFormat> {
    const format = await detectSheetFormat(file);
    const reader = new LayoutReader(layout, required, errors, onRow);
    await readSheet(file, format, (row) => reader.push(row));
    reader.end();
    return format;
  }

  private record(manager: EntityManager, actor: Actor, action: string, format: SheetFormat, file: Buffer, counts: ImportCounts<object>): Promise<void> {
    return this.audit.record(manager, actor, { action, entityType: 'import', entityId: null, details: { format, bytes: file.length, ...counts } });
  }
}
