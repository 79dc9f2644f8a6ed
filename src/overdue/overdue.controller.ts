import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { overdueXlsx } from '../exports/overdue-export.js';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { OverdueListView, OverdueQuery } from './dto/overdue.dto.js';
import { overdueCsv } from './overdue-csv.js';
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
  async list(@CurrentUser() user: AuthUser, @Query() query: OverdueQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.format === 'xlsx') return overdueXlsx(await this.overdue.all(user, query));
    if (query.format === 'csv') {
      const { asOf, items } = await this.overdue.all(user, query);
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="overdue-${asOf}.csv"`);
      return overdueCsv(items);
    }
    return this.overdue.page(user, query);
  }
}
