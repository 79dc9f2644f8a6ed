import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { NotificationListQuery, NotificationView, RunRemindersDto } from './dto/notification.dto.js';
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
  @ApiOkResponse({ description: "`{items: Notification[], total}`: the caller's own, unread first, then newest first" })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQuery) {
    return this.notifications.list(user.id, query);
  }

  // Declared before ':id/read' so "read-all" is never taken for an id.
  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ description: '`{updated}`: how many notices were marked read' })
  readAll(@CurrentUser() user: AuthUser) {
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
  @ApiOkResponse({ description: '`{asOf, notified}`: the scan ran now; its notices exist when this answers' })
  runReminders(@Body() dto: RunRemindersDto) {
    return this.reminders.run(dto.asOf);
  }
}
