import { Inject, Injectable, Logger } from '@nestjs/common';
import { todayIn } from '../common/time.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { NotificationsService } from './notifications.service.js';
import { RemindersRepository } from './reminders.repository.js';

@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: RemindersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** Runs the reminder and escalation scan as of a date (default today); answers how many notices it sent. */
  async run(asOf: string = todayIn(this.config.timezone)): Promise<{ asOf: string; notified: number }> {
    const ids = await this.repository.scan(asOf, this.config.reminders);
    if (ids.length) this.logger.log(`Reminder scan as of ${asOf}: ${ids.length} notice(s)`);
    await this.notifications.dispatch(ids);
    return { asOf, notified: ids.length };
  }
}
