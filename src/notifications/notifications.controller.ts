import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiPageResponse } from '../common/pagination/api-page.js';
import { NotificationListQuery, NotificationView, ReadAllView, RemindersRunView, RunRemindersDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly reminders: RemindersService,
  ) {}

  @Get('notifications')
  @ApiPageResponse(NotificationView, "The caller's own, unread first, then newest first")
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQuery) {
    return this.notifications.list(user.id, query);
  }

  // Declared before ':id/read' so "read-all" is never taken for an id.
  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllView, description: "Marks every one of the caller's unread notices read" })
  readAll(@CurrentUser() user: AuthUser): Promise<ReadAllView> {
    return this.notifications.markAllRead(user.id);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationView })
  read(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.markRead(user.id, id);
  }

  @Post('reminders/run')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: RemindersRunView, description: 'The scan ran now; its notices exist when this answers' })
  runReminders(@Body() dto: RunRemindersDto): Promise<RemindersRunView> {
    return this.reminders.run(dto.asOf);
  }
}
