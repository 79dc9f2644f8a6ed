import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795948297995 } from './1795948297995-InitialSchema.js';
import { PeriodProgress1795949198795 } from './1795949198795-PeriodProgress.js';

/** Every migration, oldest first. A generated migration is added here by hand. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [InitialSchema1795948297995, PeriodProgress1795949198795];
