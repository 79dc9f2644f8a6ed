import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Idempotent } from '../common/http/idempotency.interceptor.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { CreateSummaryDto, SummaryListQuery, SummaryView } from './dto/summary.dto.js';
import { SummariesService } from './summaries.service.js';

/** RFC 6266: an ASCII fallback plus the exact name in UTF-8. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

@ApiTags('summaries')
@ApiBearerAuth()
@Roles('admin', 'reviewer')
@Controller('api/v1/summaries')
export class SummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Post()
  @Idempotent()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SummaryView, description: 'Queued for rendering' })
  request(@CurrentActor() actor: Actor & { user: AuthUser }, @Body() dto: CreateSummaryDto) {
    return this.summaries.request(actor, dto);
  }

  @Get()
  @ApiPageResponse(SummaryView, 'Newest first')
  list(@CurrentUser() user: AuthUser, @Query() query: SummaryListQuery) {
    return this.summaries.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: SummaryView })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.summaries.get(user, id);
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, as an attachment' })
  @ApiConflictResponse({ description: 'Not ready yet, or rendering failed (the message says why)' })
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const download = await this.summaries.download(user, id);
    void reply.header('content-disposition', attachment(download.filename));
    return new StreamableFile(download.stream, { type: 'application/pdf', length: download.bytes });
  }
}
