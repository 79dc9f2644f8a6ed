import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { DashboardSessions } from './dashboard-session.service.js';
import { QueuesSessionController } from './queues-session.controller.js';

/** The admin-only queue dashboard's session; the dashboard itself is mounted by mountQueuesDashboard. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [QueuesSessionController],
  providers: [DashboardSessions],
  exports: [DashboardSessions],
})
export class QueuesDashboardModule {}
