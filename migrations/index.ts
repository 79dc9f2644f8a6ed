import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795948297995 } from './1795948297995-InitialSchema.js';
import { PeriodProgress1795949198795 } from './1795949198795-PeriodProgress.js';
import { SummaryReports1795950020221 } from './1795950020221-SummaryReports.js';
import { Notifications1795951429278 } from './1795951429278-Notifications.js';
import { EvidenceAttachments1795952664680 } from './1795952664680-EvidenceAttachments.js';
import { OverdueState1795960622860 } from './1795960622860-OverdueState.js';
import { PilotAggregation1795961344764 } from './1795961344764-PilotAggregation.js';
import { PlanWatermark1795973388534 } from './1795973388534-PlanWatermark.js';

/** Every migration, oldest first. A generated migration is added here by hand. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1795948297995,
  PeriodProgress1795949198795,
  SummaryReports1795950020221,
  Notifications1795951429278,
  EvidenceAttachments1795952664680,
  OverdueState1795960622860,
  PilotAggregation1795961344764,
  PlanWatermark1795973388534,
];
