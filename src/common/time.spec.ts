import { todayIn } from './time.js';

describe('todayIn', () => {
  it('gives the calendar date in the zone, not in UTC', () => {
    const lateEveningUtc = new Date('2024-02-28T20:30:00Z');
    expect(todayIn('Asia/Shanghai', lateEveningUtc)).toBe('2024-02-29');
    expect(todayIn('UTC', lateEveningUtc)).toBe('2024-02-28');
  });
});
