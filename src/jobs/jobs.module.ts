import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ALL_QUEUES } from './job-catalogue.js';
import { JobQueue } from './job-queue.service.js';

/** Queues (producers) for every process; workers are added by WorkersModule where they should run. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        prefix: config.queuePrefix,
        // Workers need blocking commands to wait forever; producers fail fast instead (see JobQueue).
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
      }),
    }),
    ...ALL_QUEUES.map((name) =>
      BullModule.registerQueueAsync({
        name,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({
          prefix: config.queuePrefix,
          // A producer must not queue commands while Redis is away: the request would hang.
          connection: { url: config.redisUrl, enableOfflineQueue: false },
        }),
      }),
    ),
  ],
  providers: [JobQueue],
  exports: [JobQueue, BullModule],
})
export class JobsModule {}
