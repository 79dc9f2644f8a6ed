import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Idempotent } from '../common/http/idempotency.interceptor.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { PaginationQuery } from '../common/pagination/pagination.dto.js';
import { AcceptReportDto, RecommendExperienceDto, ReportInput, ReturnReportDto } from './dto/report-input.dto.js';
import { ReportListQuery } from './dto/report-query.dto.js';
import { ExperienceView, ReportListItem, ReportView, RevisionView } from './dto/report-response.dto.js';
import { ReportsService, type ReportWithEtag } from './reports.service.js';

type ReportActor = Actor & { user: AuthUser };

/** Sends the report body with its ETag, so clients can make their next write conditional. */
function withEtag(reply: FastifyReply, result: ReportWithEtag): ReportView {
  void reply.header('etag', result.etag);
  return result.report;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Put('pilots/:pilotId/periods/:periodId/report')
  @Roles('admin', 'pilot')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the report as last read; stale → 412' })
  @ApiCreatedResponse({ type: ReportView, description: 'Created the draft (header ETag)' })
  @ApiOkResponse({ type: ReportView, description: 'Replaced the draft (header ETag)' })
  @ApiConflictResponse({ description: 'The report is submitted or accepted, or the period is closed' })
  @ApiPreconditionFailedResponse({ description: 'If-Match does not match the current ETag' })
  async saveDraft(
    @CurrentActor() actor: ReportActor,
    @Param('pilotId', ParseUUIDPipe) pilotId: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Body() input: ReportInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.reports.saveDraft(actor, pilotId, periodId, input, ifMatch);
    void reply.status(result.created ? 201 : 200);
    return withEtag(reply, result);
  }

  @Get('pilots/:pilotId/periods/:periodId/report')
  @ApiOkResponse({ type: ReportView })
  @ApiNotFoundResponse({ description: 'The pilot has no report for the period' })
  async getByPilotPeriod(
    @CurrentUser() user: AuthUser,
    @Param('pilotId', ParseUUIDPipe) pilotId: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.reports.getByPilotPeriod(user, pilotId, periodId));
  }

  @Get('reports')
  @ApiPageResponse(ReportListItem, "The reports in the caller's scope")
  list(@CurrentUser() user: AuthUser, @Query() query: ReportListQuery) {
    return this.reports.list(user, query);
  }

  @Get('reports/:id')
  @ApiOkResponse({ type: ReportView })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.reports.get(user, id));
  }

  @Get('reports/:id/revisions')
  @ApiPageResponse(RevisionView, 'Oldest first')
  revisions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() page: PaginationQuery) {
    return this.reports.revisions(user, id, page.limit, page.offset);
  }

  @Post('reports/:id/submit')
  @Idempotent()
  @Roles('admin', 'pilot')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  @ApiConflictResponse({ description: 'Not in draft or returned, or the period is closed' })
  async submit(
    @CurrentActor() actor: ReportActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.reports.submit(actor, id));
  }

  @Post('reports/:id/return')
  @Idempotent()
  @Roles('admin', 'reviewer')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  @ApiConflictResponse({ description: 'The report is not submitted' })
  async returnToPilot(
    @CurrentActor() actor: ReportActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.reports.returnToPilot(actor, id, dto.note));
  }

  @Post('reports/:id/accept')
  @Idempotent()
  @Roles('admin', 'reviewer')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  @ApiConflictResponse({ description: 'The report is not submitted' })
  async accept(
    @CurrentActor() actor: ReportActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AcceptReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withEtag(reply, await this.reports.accept(actor, id, dto.note));
  }

  @Post('reports/:id/experiences/:experienceId/recommend')
  @Roles('admin', 'reviewer')
  @HttpCode(200)
  @ApiOkResponse({ type: ExperienceView })
  recommend(
    @CurrentActor() actor: ReportActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('experienceId', ParseUUIDPipe) experienceId: string,
    @Body() dto: RecommendExperienceDto,
  ) {
    return this.reports.recommendExperience(actor, id, experienceId, dto.recommended);
  }
}
