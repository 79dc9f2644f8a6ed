import { isCalendarDate } from './calendar-date.js';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2023-12-31', '2000-02-29', '1999-01-01'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-1-1', '20240101', '2024-01-01T00:00:00Z', '', 20240101, null])(
    'refuses %p',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});
