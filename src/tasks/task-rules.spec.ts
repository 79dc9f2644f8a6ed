import { taskRuleProblems } from './task-rules.js';

describe('task rules', () => {
  it('accepts a start on the due date and a baseline year equal to the target year', () => {
    expect(taskRuleProblems({ startDate: '2025-01-01', dueDate: '2025-01-01' }, [{ baselineYear: 2025, targetYear: 2025 }])).toEqual([]);
  });

  it('names a start after the due date and every indicator whose baseline follows its target', () => {
    expect(
      taskRuleProblems({ startDate: '2025-02-01', dueDate: '2025-01-01' }, [
        { baselineYear: 2020, targetYear: 2030 },
        { baselineYear: 2031, targetYear: 2030 },
      ]),
    ).toEqual(['startDate must not be after dueDate', 'indicators.1.baselineYear must not be after targetYear']);
  });

  it('ignores absent optional values', () => {
    expect(taskRuleProblems({ startDate: null, dueDate: '2025-01-01' }, [{ targetYear: 2030 }])).toEqual([]);
  });
});
