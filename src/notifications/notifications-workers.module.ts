import { Module } from '@nestjs/common';
import { NotificationsModule } from './notifications.module.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { RemindersScheduler } from './reminders.scheduler.js';

/** The reminder scan, its daily scheduler and the outbound channels, for processes that run workers. */
@Module({
  imports: [NotificationsModule],
  providers: [NotificationsProcessor, RemindersScheduler],
})
export class NotificationsWorkersModule {}
