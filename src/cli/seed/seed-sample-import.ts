import type { INestApplicationContext } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../../auth/auth-user.js';
import { ImportsService } from '../../imports/imports.service.js';

/** A workbook of extra tasks for four first-batch pilots, as LibreOffice saved it (Chinese headers). */
export const SAMPLE_TASKS_FILE = join(process.cwd(), 'test', 'fixtures', 'sample-tasks.xlsx');

/**
 * Imports the sample workbook exactly as `POST /api/v1/imports/tasks` would; answers what it
 * did, for the console. The Docker image ships this one fixture for it.
 */
export async function importSampleTasks(app: INestApplicationContext, actor: Actor): Promise<string> {
  const file = await readFile(SAMPLE_TASKS_FILE).catch(() => null);
  if (!file) return `Sample task workbook not found (${SAMPLE_TASKS_FILE}): skipped.`;
  const { created, updated } = await app.get(ImportsService).importTasks(actor, file, false);
  return (
    `Imported ${SAMPLE_TASKS_FILE}: ${created.tasks} tasks, ${created.milestones} milestones and ${created.indicators} indicators created, ` +
    `${updated.tasks + updated.milestones + updated.indicators} records updated.`
  );
}
