import type { ReportStatus } from '../common/domain.js';
import { averagePercent, countProgress, progressByProvince, tasksByStatus } from './progress-figures.js';
import type { PilotFigures } from './progress.repository.js';

function pilot(reportStatus: ReportStatus | null, onTime = false, over: Partial<PilotFigures> = {}): PilotFigures {
  return {
    pilotId: Math.random().toString(36),
    provinceZh: '河北省',
    provinceEn: 'Hebei',
    reportStatus,
    submittedAt: null,
    onTime,
    notStarted: 0,
    onTrack: 0,
    atRisk: 0,
    delayed: 0,
    completed: 0,
    percentSum: 0,
    milestonesDue: 0,
    milestonesCompleted: 0,
    ...over,
  };
}

describe('period progress figures', () => {
  it('counts received, missing, on time and late as DESIGN.md §2 defines them', () => {
    const counts = countProgress([
      pilot('accepted', true),
      pilot('submitted', false),
      pilot('returned', false),
      pilot('draft'),
      pilot(null),
    ]);
    expect(counts).toEqual({
      expected: 5,
      received: 2,
      accepted: 1,
      returned: 1,
      draft: 1,
      missing: 3,
      onTime: 1,
      late: 1,
      completeness: 2 / 5,
      timeliness: 1 / 5,
    });
  });

  it('never counts a report that is not received as on time', () => {
    expect(countProgress([pilot('returned', true), pilot('draft', true)]).onTime).toBe(0);
  });

  it('answers zeros, not NaN, when no pilot is in scope', () => {
    expect(countProgress([])).toMatchObject({ expected: 0, completeness: 0, timeliness: 0 });
  });

  it('sums task lines by status and averages percentages', () => {
    const rows = [pilot('accepted', true, { onTrack: 2, completed: 1, percentSum: 150 }), pilot('submitted', true, { delayed: 1, percentSum: 10 })];
    expect(tasksByStatus(rows)).toEqual({ not_started: 0, on_track: 2, at_risk: 0, delayed: 1, completed: 1 });
    expect(averagePercent(160, 4)).toBe(40);
    expect(averagePercent(0, 0)).toBeNull();
  });

  it('breaks the counts down by province', () => {
    const byProvince = progressByProvince([
      pilot('accepted', true),
      pilot(null, false, { provinceZh: '山西省', provinceEn: 'Shanxi' }),
      pilot('submitted', false),
    ]);
    expect(byProvince.map((p) => [p.provinceEn, p.expected, p.received, p.onTime])).toEqual([
      ['Hebei', 2, 2, 1],
      ['Shanxi', 1, 0, 0],
    ]);
  });
});
