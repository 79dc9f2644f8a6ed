import { Controller, Get, HttpCode, Post, Query, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import {
  ImportFailedView,
  ImportQuery,
  PilotImportResultView,
  TaskImportResultView,
  TemplateQuery,
} from './dto/import.dto.js';
import { AcceptsFileBody, CSV_MEDIA_TYPE, FileBody, XLSX_MEDIA_TYPE } from './file-body/file-body.js';
import { ImportsService, MAX_IMPORT_BYTES } from './imports.service.js';
import { MAX_IMPORT_ROWS } from './sheet/sheet-reader.js';
import { pilotTemplate, taskTemplate } from './templates.js';

const BINARY = { type: 'string', format: 'binary' } as const;

/** The OpenAPI side of an import route: the body is the spreadsheet itself. */
const SpreadsheetBody = () =>
  ApiBody({
    required: true,
    description:
      'The file itself: CSV (UTF-8, with or without BOM) or an .xlsx workbook, judged by its bytes. Row 1 of the first ' +
      'sheet holds the headers: column keys, Chinese names, or both (e.g. `试点编码 pilot_code`).',
    schema: BINARY,
  });

const TemplateResponse = () => ApiOkResponse({ description: 'The headers and one example row (its code is example-pilot)', schema: BINARY });

const problems = { type: ImportFailedView, description: 'Bad cells (all of them, with row and column), or CSV that is not UTF-8; nothing was written' };
const tooLarge = { description: `Over ${MAX_IMPORT_BYTES / (1024 * 1024)} MiB or ${MAX_IMPORT_ROWS} rows` };

@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('tasks/template')
  @ApiProduces(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @TemplateResponse()
  taskTemplate(@Query() query: TemplateQuery): StreamableFile {
    return taskTemplate(query.format);
  }

  @Get('pilots/template')
  @ApiProduces(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @TemplateResponse()
  pilotTemplate(@Query() query: TemplateQuery): StreamableFile {
    return pilotTemplate(query.format);
  }

  @Post('tasks')
  @HttpCode(200)
  @AcceptsFileBody(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @SpreadsheetBody()
  @ApiOkResponse({ type: TaskImportResultView, description: 'Imported (or, with dryRun, what would be): rows with the same pilot_code and task_code are one task' })
  @ApiBadRequestResponse(problems)
  @ApiPayloadTooLargeResponse(tooLarge)
  importTasks(@CurrentActor() actor: Actor, @Query() query: ImportQuery, @FileBody(MAX_IMPORT_BYTES) file: Buffer) {
    return this.imports.importTasks(actor, file, query.dryRun);
  }

  @Post('pilots')
  @HttpCode(200)
  @AcceptsFileBody(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @SpreadsheetBody()
  @ApiOkResponse({ type: PilotImportResultView, description: 'Imported (or, with dryRun, what would be), matched by code' })
  @ApiBadRequestResponse(problems)
  @ApiPayloadTooLargeResponse(tooLarge)
  importPilots(@CurrentActor() actor: Actor, @Query() query: ImportQuery, @FileBody(MAX_IMPORT_BYTES) file: Buffer) {
    return this.imports.importPilots(actor, file, query.dryRun);
  }
}
