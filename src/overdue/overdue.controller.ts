import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { overdueFile } from '../exports/overdue-export.js';
import { OverdueListView, OverdueQuery } from './dto/overdue.dto.js';
import { OverdueService } from './overdue.service.js';

@ApiTags('overdue')
@ApiBearerAuth()
@Controller('api/v1/overdue')
export class OverdueController {
  constructor(private readonly overdue: OverdueService) {}

  @Get()
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    type: OverdueListView,
    description: 'Ordered by days overdue (most first), then pilot code; `format=csv|xlsx` answers every item as a file',
  })
  async list(@CurrentUser() user: AuthUser, @Query() query: OverdueQuery) {
    if (query.format === 'csv' || query.format === 'xlsx') return overdueFile(query.format, await this.overdue.all(user, query));
    return this.overdue.page(user, query);
  }
}
