import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_CONTENT_TYPES, type EvidenceContentType } from '../evidence-file.js';
import type { ReportAttachment } from '../report-attachment.entity.js';

export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Sanitised; its extension matches the content' }) filename!: string;
  @ApiProperty({ enum: EVIDENCE_CONTENT_TYPES, description: 'As detected from the bytes' }) contentType!: EvidenceContentType;
  @ApiProperty() bytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the content' }) sha256!: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty() createdAt!: string;
}

export function toAttachmentView(attachment: Omit<ReportAttachment, 'content' | 'deletedAt' | 'reportId'>): AttachmentView {
  return {
    id: attachment.id,
    filename: attachment.filename,
    contentType: attachment.contentType,
    bytes: attachment.bytes,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy,
    createdAt: attachment.createdAt.toISOString(),
  };
}
