import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { ReportStatus } from '../common/domain.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import type { Pilot } from '../pilots/pilot.entity.js';
import { ReportAttachment } from './report-attachment.entity.js';

/** Downloads read the content from PostgreSQL in slices of this size, never whole. */
const SLICE_BYTES = 1024 * 1024;

export type ReportPilot = Pick<Pilot, 'id' | 'provinceZh' | 'provinceEn'>;

/** A report locked for a change of its files, with what decides whether the change is allowed. */
export interface LockedReport {
  status: ReportStatus;
  pilot: ReportPilot;
  period: { label: string; closed: boolean };
}

export type NewAttachment = Pick<ReportAttachment, 'reportId' | 'filename' | 'contentType' | 'bytes' | 'sha256' | 'uploadedBy'> & {
  content: Buffer;
};

/** Every query of the attachments feature. */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The pilot of a report (for the caller's scope), or null for an unknown report. */
  async reportPilot(reportId: string): Promise<ReportPilot | null> {
    const [pilot] = await this.dataSource.query<ReportPilot[]>(
      `SELECT p.id, p.province_zh AS "provinceZh", p.province_en AS "provinceEn"
       FROM milestone_reports r JOIN pilots p ON p.id = r.pilot_id WHERE r.id = $1`,
      [reportId],
    );
    return pilot ?? null;
  }

  /**
   * Locks a report for a change of its files: its period first, shared (so that it cannot close
   * meanwhile), then the report itself, in the order the report workflow takes them.
   */
  async lockReport(manager: EntityManager, reportId: string): Promise<LockedReport | null> {
    const [report] = await manager.query<{ periodId: string }[]>('SELECT period_id AS "periodId" FROM milestone_reports WHERE id = $1', [reportId]);
    if (!report) return null;
    const [period] = await manager.query<LockedReport['period'][]>('SELECT label, closed FROM reporting_periods WHERE id = $1 FOR SHARE', [report.periodId]);
    const [locked] = await manager.query<(ReportPilot & { status: ReportStatus })[]>(
      `SELECT r.status, p.id, p.province_zh AS "provinceZh", p.province_en AS "provinceEn"
       FROM milestone_reports r JOIN pilots p ON p.id = r.pilot_id WHERE r.id = $1 FOR UPDATE OF r`,
      [reportId],
    );
    const { status, ...pilot } = locked!;
    return { status, pilot, period: period! };
  }

  /** A report's view lists its files, so a change of them moves its ETag on. */
  async touchReport(manager: EntityManager, reportId: string): Promise<void> {
    await manager.query('UPDATE milestone_reports SET version = version + 1, updated_at = now() WHERE id = $1', [reportId]);
  }

  async insert(manager: EntityManager, attachment: NewAttachment): Promise<ReportAttachment> {
    return manager.save(manager.create(ReportAttachment, attachment));
  }

  /** The report's files (not the deleted ones), oldest first. */
  async list(reportId: string, limit: number, offset: number): Promise<Page<ReportAttachment>> {
    const [items, total] = await this.dataSource.getRepository(ReportAttachment).findAndCount({
      where: { reportId, deletedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  /** A file of the report; deleted ones only with `includeDeleted` (those a revision still lists). */
  find(reportId: string, id: string, options: { includeDeleted: boolean; manager?: EntityManager }): Promise<ReportAttachment | null> {
    const manager = options.manager ?? this.dataSource.manager;
    return manager.findOneBy(ReportAttachment, { id, reportId, ...(options.includeDeleted ? {} : { deletedAt: IsNull() }) });
  }

  /** True when a submitted revision of the report lists the file. */
  async isInRevision(manager: EntityManager, reportId: string, id: string): Promise<boolean> {
    const [row] = await manager.query<{ listed: boolean }[]>(
      `SELECT EXISTS (
         SELECT 1 FROM report_revisions
         WHERE report_id = $1 AND content -> 'attachments' @> jsonb_build_array(jsonb_build_object('id', $2::text))
       ) AS listed`,
      [reportId, id],
    );
    return row!.listed;
  }

  async markDeleted(manager: EntityManager, id: string): Promise<void> {
    await manager.update(ReportAttachment, { id }, { deletedAt: () => 'now()' });
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(ReportAttachment, { id });
  }

  /** Streams a file's content slice by slice. */
  openContent(id: string, bytes: number): Readable {
    const dataSource = this.dataSource;
    async function* slices(): AsyncGenerator<Buffer> {
      for (let offset = 0; offset < bytes; offset += SLICE_BYTES) {
        const [row] = await dataSource.query<{ slice: Buffer }[]>(
          'SELECT substring(content FROM $2 FOR $3) AS slice FROM report_attachments WHERE id = $1',
          [id, offset + 1, SLICE_BYTES],
        );
        if (!row) return;
        yield row.slice;
      }
    }
    return Readable.from(slices());
  }
}
