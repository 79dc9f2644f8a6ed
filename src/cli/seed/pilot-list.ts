import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PILOT_KINDS, type PilotKind } from '../../common/domain.js';

export interface PilotRecord {
  code: string;
  kind: PilotKind;
  nameZh: string;
  nameEn: string;
  provinceZh: string;
  provinceEn: string;
  batch: number;
}

/** The first-batch list ships with the project under data/ (npm scripts run from the package root). */
export const FIRST_BATCH_FILE = join(process.cwd(), 'data', 'first-batch-pilots.json');

export async function readPilotList(file = FIRST_BATCH_FILE): Promise<PilotRecord[]> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { batch?: number; pilots?: unknown[] };
  if (!Array.isArray(parsed.pilots)) throw new Error(`${file} has no "pilots" array`);
  return parsed.pilots.map((raw, index) => {
    const p = raw as Record<string, unknown>;
    const text = (key: string): string => {
      const value = p[key];
      if (typeof value !== 'string' || value.trim() === '') throw new Error(`${file}: pilots[${index}].${key} is missing`);
      return value.trim();
    };
    const kind = text('kind');
    if (!(PILOT_KINDS as readonly string[]).includes(kind)) throw new Error(`${file}: pilots[${index}].kind is "${kind}"`);
    return {
      code: text('code'),
      kind: kind as PilotKind,
      nameZh: text('nameZh'),
      nameEn: text('nameEn'),
      provinceZh: text('provinceZh'),
      provinceEn: text('provinceEn'),
      batch: typeof p.batch === 'number' ? p.batch : (parsed.batch ?? 1),
    };
  });
}
