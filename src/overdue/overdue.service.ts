import { Inject, Injectable } from '@nestjs/common';
import { scopeOf } from '../auth/access-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayIn } from '../common/time.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { OverdueListView, OverdueQuery } from './dto/overdue.dto.js';
import { OverdueRepository, type OverdueFilter } from './overdue.repository.js';

@Injectable()
export class OverdueService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: OverdueRepository,
  ) {}

  filterFor(user: AuthUser, query: OverdueQuery): OverdueFilter {
    return {
      asOf: query.asOf ?? todayIn(this.config.timezone),
      scope: scopeOf(user),
      type: query.type,
      pilotId: query.pilotId,
      province: query.province,
    };
  }

  async page(user: AuthUser, query: OverdueQuery): Promise<OverdueListView> {
    const filter = this.filterFor(user, query);
    const { items, total } = await this.repository.list(filter, { limit: query.limit, offset: query.offset });
    return { asOf: filter.asOf, total, items };
  }

  /** Every item, for the CSV and spreadsheet exports. */
  async all(user: AuthUser, query: OverdueQuery) {
    const filter = this.filterFor(user, query);
    return { asOf: filter.asOf, ...(await this.repository.list(filter)) };
  }
}
