import { Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, type StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { PaginationQuery } from '../common/pagination/pagination.dto.js';
import { AcceptsFileBody, MULTIPART_MEDIA_TYPE } from '../imports/file-body/file-body.js';
import { AttachmentsService, MAX_ATTACHMENT_BYTES } from './attachments.service.js';
import { AttachmentView } from './dto/attachment.dto.js';
import { EVIDENCE_CONTENT_TYPES } from './evidence-file.js';

type UserActor = Actor & { user: AuthUser };

const BINARY = { type: 'string', format: 'binary' } as const;
const NOT_EDITABLE = { description: 'The report is submitted or accepted, or its period is closed' };

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api/v1/reports/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('admin', 'pilot')
  @HttpCode(201)
  @AcceptsFileBody(MULTIPART_MEDIA_TYPE)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, parts: 10 } }))
  @ApiBody({
    description: 'One part named `file`: a PDF, PNG, JPEG, DOCX or XLSX file (judged by its bytes) of at most 20 MiB',
    schema: { type: 'object', required: ['file'], properties: { file: BINARY } },
  })
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiPayloadTooLargeResponse({ description: 'The file is over 20 MiB' })
  @ApiConflictResponse(NOT_EDITABLE)
  upload(@CurrentActor() actor: UserActor, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedMultipartFile | undefined) {
    return this.attachments.upload(actor, id, file);
  }

  @Get()
  @ApiPageResponse(AttachmentView, 'Oldest first (deleted files are not listed)')
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() page: PaginationQuery) {
    return this.attachments.list(user, id, page.limit, page.offset);
  }

  @Get(':attachmentId')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces(...EVIDENCE_CONTENT_TYPES)
  @ApiOkResponse({ schema: BINARY, description: 'The file, as an attachment; files a submitted revision lists stay available after a delete' })
  @ApiNotFoundResponse({ description: "Unknown report or file, or a report outside the caller's scope" })
  download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<StreamableFile> {
    return this.attachments.download(user, id, attachmentId);
  }

  @Delete(':attachmentId')
  @Roles('admin', 'pilot')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed from the report' })
  @ApiConflictResponse(NOT_EDITABLE)
  remove(@CurrentActor() actor: UserActor, @Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string) {
    return this.attachments.remove(actor, id, attachmentId);
  }
}
