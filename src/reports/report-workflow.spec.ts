import { ConflictException } from '@nestjs/common';
import { REPORT_STATUSES, type ReportStatus } from '../common/domain.js';
import { assertCanPerform, canPerform, statusAfter, type ReportAction } from './report-workflow.js';

describe('report workflow', () => {
  const expected: Record<ReportAction, Partial<Record<ReportStatus, ReportStatus>>> = {
    edit: { draft: 'draft', returned: 'returned' },
    submit: { draft: 'submitted', returned: 'submitted' },
    return: { submitted: 'returned' },
    accept: { submitted: 'accepted' },
    recommend: { submitted: 'submitted', returned: 'returned', accepted: 'accepted' },
  };

  for (const [action, transitions] of Object.entries(expected) as [ReportAction, Partial<Record<ReportStatus, ReportStatus>>][]) {
    for (const status of REPORT_STATUSES) {
      const next = transitions[status];
      if (next) {
        it(`${action} from ${status} leads to ${next}`, () => {
          expect(canPerform(action, status)).toBe(true);
          expect(statusAfter(action, status)).toBe(next);
        });
      } else {
        it(`${action} from ${status} is refused with 409 naming the status`, () => {
          expect(canPerform(action, status)).toBe(false);
          expect(() => assertCanPerform(action, status)).toThrow(ConflictException);
          expect(() => statusAfter(action, status)).toThrow(new RegExp(`that is ${status}`));
        });
      }
    }
  }

  it('makes submitted and accepted reports read-only', () => {
    expect(canPerform('edit', 'submitted')).toBe(false);
    expect(canPerform('edit', 'accepted')).toBe(false);
  });
});
