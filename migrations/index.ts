import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795948297995 } from './1795948297995-InitialSchema.js';

/** Every migration, oldest first. A generated migration is added here by hand. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [InitialSchema1795948297995];
