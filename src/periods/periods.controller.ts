import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { CreatePeriodDto, PeriodListQuery, PeriodResponse, UpdatePeriodDto } from './dto/period.dto.js';
import { PeriodsService } from './periods.service.js';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('api/v1/periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PeriodResponse })
  @ApiConflictResponse({ description: 'Duplicate label' })
  create(@Body() dto: CreatePeriodDto, @CurrentActor() actor: Actor) {
    return this.periods.create(dto, actor);
  }

  @Get()
  @ApiPageResponse(PeriodResponse, 'Ordered by startDate')
  list(@Query() query: PeriodListQuery) {
    return this.periods.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PeriodResponse })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.periods.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: PeriodResponse })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePeriodDto, @CurrentActor() actor: Actor) {
    return this.periods.update(id, dto, actor);
  }

  @Post(':id/close')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PeriodResponse, description: 'The period no longer accepts edits or submissions' })
  close(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.periods.close(id, actor);
  }

  @Post(':id/reopen')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PeriodResponse })
  reopen(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.periods.reopen(id, actor);
  }
}
