import type { DataSource } from 'typeorm';
import { Pilot } from '../../pilots/pilot.entity.js';
import type { PilotRecord } from './pilot-list.js';

export interface PilotSeedResult {
  created: number;
  updated: number;
}

/** Upserts pilots by code in one statement; a re-run changes nothing and reports zeros. */
export async function seedPilots(dataSource: DataSource, pilots: PilotRecord[]): Promise<PilotSeedResult> {
  const rows: { inserted: boolean }[] = await dataSource.query(
    `INSERT INTO pilots (code, kind, name_zh, name_en, province_zh, province_en, batch)
     SELECT * FROM unnest($1::varchar[], $2::pilot_kind[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::smallint[])
     ON CONFLICT (code) DO UPDATE SET
       kind = EXCLUDED.kind, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
       province_zh = EXCLUDED.province_zh, province_en = EXCLUDED.province_en, batch = EXCLUDED.batch,
       updated_at = now()
     WHERE (pilots.kind, pilots.name_zh, pilots.name_en, pilots.province_zh, pilots.province_en, pilots.batch)
       IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.province_zh, EXCLUDED.province_en, EXCLUDED.batch)
     RETURNING (xmax = 0) AS inserted`,
    [
      pilots.map((p) => p.code),
      pilots.map((p) => p.kind),
      pilots.map((p) => p.nameZh),
      pilots.map((p) => p.nameEn),
      pilots.map((p) => p.provinceZh),
      pilots.map((p) => p.provinceEn),
      pilots.map((p) => p.batch),
    ],
  );
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created };
}

export function pilotIdsByCode(dataSource: DataSource): Promise<Map<string, Pilot>> {
  return dataSource
    .getRepository(Pilot)
    .find()
    .then((pilots) => new Map(pilots.map((p) => [p.code, p])));
}
