import { ConflictException } from '@nestjs/common';
import type { ReportStatus } from '../common/domain.js';

/**
 * The milestone-report state machine (DESIGN.md §2):
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted
 *     ▲                   │
 *     └──(edit)── returned ◀──return──┘
 */
export type ReportAction = 'edit' | 'submit' | 'return' | 'accept' | 'recommend';

const ALLOWED_FROM: Record<ReportAction, readonly ReportStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  // Recommending needs a report a reviewer has actually received.
  recommend: ['submitted', 'returned', 'accepted'],
};

const NEXT_STATUS: Partial<Record<ReportAction, ReportStatus>> = {
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
};

export function canPerform(action: ReportAction, status: ReportStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** Throws 409 naming the current status when the action is not allowed from it. */
export function assertCanPerform(action: ReportAction, status: ReportStatus): void {
  if (!canPerform(action, status)) {
    throw new ConflictException(
      `Cannot ${action} a report that is ${status}; allowed only when ${ALLOWED_FROM[action].join(' or ')}`,
    );
  }
}

/** The status a transition leads to; edits and recommendations keep the status. */
export function statusAfter(action: ReportAction, status: ReportStatus): ReportStatus {
  assertCanPerform(action, status);
  return NEXT_STATUS[action] ?? status;
}
