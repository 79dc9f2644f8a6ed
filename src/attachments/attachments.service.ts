import { BadRequestException, ConflictException, Injectable, NotFoundException, StreamableFile } from '@nestjs/common';
import type { UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { InjectDataSource } from '@nestjs/typeorm';
import { create as contentDisposition } from 'content-disposition';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertCanSeePilot } from '../auth/access-scope.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { assertCanPerform } from '../reports/report-workflow.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { toAttachmentView, type AttachmentView } from './dto/attachment.dto.js';
import { evidenceFilename, evidenceTypeOf } from './evidence-file.js';

/** The largest evidence file. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

type UserActor = Actor & { user: AuthUser };

/**
 * Evidence files of reports: added and removed by the report's pilot (and admins) while the
 * report can be edited, read by whoever can read the report.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AttachmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: UserActor, reportId: string, file: UploadedMultipartFile | undefined): Promise<AttachmentView> {
    const content = file?.buffer;
    if (!content) throw new BadRequestException('Send the file in a multipart part named "file"');
    const contentType = await evidenceTypeOf(content);
    const filename = evidenceFilename(file.originalname, contentType);
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      await this.lockEditable(manager, actor.user, reportId);
      const attachment = await this.repository.insert(manager, {
        reportId,
        filename,
        contentType,
        bytes: content.length,
        sha256,
        uploadedBy: actor.user.id,
        content,
      });
      await this.repository.touchReport(manager, reportId);
      const details = { reportId, filename, contentType, bytes: content.length, sha256 };
      await this.audit.record(manager, actor, { action: 'attachment.upload', entityType: 'attachment', entityId: attachment.id, details });
      return toAttachmentView(attachment);
    });
  }

  async list(user: AuthUser, reportId: string, limit: number, offset: number): Promise<Page<AttachmentView>> {
    await this.assertCanRead(user, reportId);
    const page = await this.repository.list(reportId, limit, offset);
    return { items: page.items.map(toAttachmentView), total: page.total };
  }

  /** The file, as a download; a deleted one is still there while a submitted revision lists it. */
  async download(user: AuthUser, reportId: string, id: string): Promise<StreamableFile> {
    await this.assertCanRead(user, reportId);
    const attachment = await this.repository.find(reportId, id, { includeDeleted: true });
    if (!attachment) throw new NotFoundException('Attachment not found');
    return new StreamableFile(this.repository.openContent(attachment.id, attachment.bytes), {
      type: attachment.contentType,
      length: attachment.bytes,
      disposition: contentDisposition(attachment.filename),
    });
  }

  /**
   * Removes a file from the report. One that a submitted revision lists is only marked deleted,
   * so that the revision keeps it; any other is deleted outright.
   */
  async remove(actor: UserActor, reportId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockEditable(manager, actor.user, reportId);
      const attachment = await this.repository.find(reportId, id, { includeDeleted: false, manager });
      if (!attachment) throw new NotFoundException('Attachment not found');
      const kept = await this.repository.isInRevision(manager, reportId, id);
      if (kept) await this.repository.markDeleted(manager, id);
      else await this.repository.delete(manager, id);
      await this.repository.touchReport(manager, reportId);
      const details = { reportId, filename: attachment.filename, keptForRevisions: kept };
      await this.audit.record(manager, actor, { action: 'attachment.delete', entityType: 'attachment', entityId: id, details });
    });
  }

  private async assertCanRead(user: AuthUser, reportId: string): Promise<void> {
    assertCanSeePilot(user, await this.repository.reportPilot(reportId), 'Report');
  }

  /** Locks the report; its files change only while it is a draft or returned, and its period open. */
  private async lockEditable(manager: EntityManager, user: AuthUser, reportId: string): Promise<void> {
    const report = await this.repository.lockReport(manager, reportId);
    assertCanSeePilot(user, report?.pilot ?? null, 'Report');
    const { period, status } = report!;
    if (period.closed) throw new ConflictException(`Period ${period.label} is closed: its reports' files can no longer change`);
    assertCanPerform('edit', status);
  }
}
