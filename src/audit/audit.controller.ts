import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { AuditService } from './audit.service.js';
import { AuditEventView } from './dto/audit-event.dto.js';
import { AuditQuery } from './dto/audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiPageResponse(AuditEventView, 'Newest first')
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
