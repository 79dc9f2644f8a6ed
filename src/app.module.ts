import { DynamicModule, Module } from '@nestjs/common';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { WorkersModule } from './jobs/workers.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OverdueModule } from './overdue/overdue.module.js';
import { PeriodsModule } from './periods/periods.module.js';
import { PilotsModule } from './pilots/pilots.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { QueuesDashboardModule } from './queues-dashboard/queues-dashboard.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SummariesModule } from './summaries/summaries.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { UsersModule } from './users/users.module.js';

/** What every process needs: configuration, the database, the audit trail and the queues. */
function coreModules(config: AppConfig) {
  return [ConfigModule.forRoot(config), DatabaseModule, RedisModule, AuditModule, JobsModule];
}

/** The HTTP API, plus the workers when APP_ROLE is `all`. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreModules(config),
        AuthModule,
        UsersModule,
        PilotsModule,
        TasksModule,
        PeriodsModule,
        ReportsModule,
        ProgressModule,
        OverdueModule,
        NotificationsModule,
        SummariesModule,
        ImportsModule,
        ExportsModule,
        AttachmentsModule,
        HealthModule,
        QueuesDashboardModule,
        ...(config.appRole === 'all' ? [WorkersModule] : []),
      ],
    };
  }
}

/** A worker process: the BullMQ workers and what they need, no HTTP. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerAppModule, imports: [...coreModules(config), WorkersModule] };
  }
}
