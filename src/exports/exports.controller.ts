import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../imports/file-body/file-body.js';
import { ProgressExportQuery, ReportExportQuery, TaskExportQuery } from './dto/export-query.dto.js';
import { ExportsService } from './exports.service.js';

const BINARY = { type: 'string', format: 'binary' } as const;

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/v1/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('tasks')
  @ApiProduces(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @ApiOkResponse({ schema: BINARY, description: "Tasks in the caller's scope, in the task import layout (export → import changes nothing)" })
  tasks(@CurrentUser() user: AuthUser, @Query() query: TaskExportQuery): StreamableFile {
    return this.exports.tasks(user, query);
  }

  @Get('reports')
  @ApiProduces(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @ApiOkResponse({
    schema: BINARY,
    description:
      "One row per task line of the reports in the caller's scope: pilot, task, status, % complete, milestones completed, " +
      'indicator values, narrative, report status, submitted at',
  })
  reports(@CurrentUser() user: AuthUser, @Query() query: ReportExportQuery): StreamableFile {
    return this.exports.reports(user, query);
  }

  @Get('progress')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ schema: BINARY, description: "The period's progress over the caller's scope: sheets overview, by province, by category, by pilot" })
  @ApiNotFoundResponse({ description: 'Unknown period' })
  progress(@CurrentUser() user: AuthUser, @Query() query: ProgressExportQuery): Promise<StreamableFile> {
    return this.exports.periodProgress(user, query);
  }
}
