import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { CreateTaskDto, TaskListQuery, TaskResponse, UpdateTaskDto } from './dto/task.dto.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post('pilots/:pilotId/tasks')
  @Roles('admin')
  @HttpCode(201)
  @ApiCreatedResponse({ type: TaskResponse })
  @ApiConflictResponse({ description: 'The pilot already has a task with this code' })
  create(@Param('pilotId', ParseUUIDPipe) pilotId: string, @Body() dto: CreateTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.create(pilotId, dto, actor);
  }

  @Get('pilots/:pilotId/tasks')
  @ApiPageResponse(TaskResponse, 'Ordered by code, each with milestones and indicators')
  list(@CurrentUser() user: AuthUser, @Param('pilotId', ParseUUIDPipe) pilotId: string, @Query() query: TaskListQuery) {
    return this.tasks.list(user, pilotId, query);
  }

  @Get('tasks/:id')
  @ApiOkResponse({ type: TaskResponse })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.tasks.get(user, id);
  }

  @Patch('tasks/:id')
  @Roles('admin')
  @ApiOkResponse({ type: TaskResponse })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.update(id, dto, actor);
  }
}
