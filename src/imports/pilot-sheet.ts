import type { PilotKind } from '../common/domain.js';
import type { ImportErrors } from './import-errors.js';
import { EXAMPLE_PILOT_CODE, EXAMPLE_ROW_PROBLEM, type PilotLayout } from './layouts.js';
import { FieldValues } from './sheet/field-values.js';
import type { ParsedRow } from './sheet/layout.js';

const PILOT_FIELDS = ['kind', 'name_zh', 'name_en', 'province_zh', 'province_en', 'batch'] as const;
const NEW_PILOT_FIELDS = ['kind', 'name_zh', 'name_en', 'province_zh', 'province_en'] as const;

/** Pilot columns; null keeps the stored value (a new pilot without a batch is in batch 1). */
export interface PilotFields {
  kind: PilotKind | null;
  nameZh: string | null;
  nameEn: string | null;
  provinceZh: string | null;
  provinceEn: string | null;
  batch: number | null;
}

export type NewPilot = PilotFields & { code: string };
export type PilotUpdate = PilotFields & { id: string };

export interface PilotImportPlan {
  newPilots: NewPilot[];
  pilotUpdates: PilotUpdate[];
}

interface PilotDraft {
  row: number;
  fields: FieldValues<PilotLayout, (typeof PILOT_FIELDS)[number]>;
}

/** Gathers the rows of a pilot sheet by code, then turns them into the writes to make. */
export class PilotSheet {
  private readonly pilots = new Map<string, PilotDraft>();

  constructor(private readonly errors: ImportErrors) {}

  add(row: ParsedRow<PilotLayout>): void {
    const code = row.values.code;
    if (code === undefined) {
      if (!row.invalid.has('code')) this.errors.add(row.row, 'code', 'is required on every row');
      return;
    }
    if (code === EXAMPLE_PILOT_CODE) {
      this.errors.add(row.row, 'code', EXAMPLE_ROW_PROBLEM);
      return;
    }
    let pilot = this.pilots.get(code);
    if (!pilot) {
      pilot = { row: row.row, fields: new FieldValues(PILOT_FIELDS) };
      this.pilots.set(code, pilot);
    }
    pilot.fields.add(row, this.errors);
  }

  codes(): string[] {
    return [...this.pilots.keys()];
  }

  /** `known` maps the codes of existing pilots to their ids; throws the 400 with every problem. */
  plan(known: ReadonlyMap<string, string>): PilotImportPlan {
    const plan: PilotImportPlan = { newPilots: [], pilotUpdates: [] };
    for (const [code, { row, fields }] of this.pilots) {
      const values: PilotFields = {
        kind: fields.value('kind') ?? null,
        nameZh: fields.value('name_zh') ?? null,
        nameEn: fields.value('name_en') ?? null,
        provinceZh: fields.value('province_zh') ?? null,
        provinceEn: fields.value('province_en') ?? null,
        batch: fields.value('batch') ?? null,
      };
      const id = known.get(code);
      if (id !== undefined) plan.pilotUpdates.push({ id, ...values });
      else {
        fields.requireAll(NEW_PILOT_FIELDS, row, 'a new pilot', this.errors);
        plan.newPilots.push({ code, ...values, batch: values.batch ?? 1 });
      }
    }
    this.errors.throwIfAny();
    return plan;
  }
}
