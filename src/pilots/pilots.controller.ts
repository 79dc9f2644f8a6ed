import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { CreatePilotDto, PilotListQuery, PilotResponse, UpdatePilotDto } from './dto/pilot.dto.js';
import { PilotsService } from './pilots.service.js';

@ApiTags('pilots')
@ApiBearerAuth()
@Controller('api/v1/pilots')
export class PilotsController {
  constructor(private readonly pilots: PilotsService) {}

  @Get()
  @ApiPageResponse(PilotResponse, "Ordered by code, within the caller's scope")
  list(@CurrentUser() user: AuthUser, @Query() query: PilotListQuery) {
    return this.pilots.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PilotResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.pilots.get(user, id);
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PilotResponse })
  @ApiConflictResponse({ description: 'Duplicate code' })
  create(@Body() dto: CreatePilotDto, @CurrentActor() actor: Actor) {
    return this.pilots.create(dto, actor);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: PilotResponse })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePilotDto, @CurrentActor() actor: Actor) {
    return this.pilots.update(id, dto, actor);
  }
}
