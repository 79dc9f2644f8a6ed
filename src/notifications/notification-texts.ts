import type { UserLanguage } from '../common/domain.js';

/** Workflow notices, in each recipient's language. */
export interface ReportEventText {
  pilotNameZh: string;
  pilotNameEn: string;
  periodLabel: string;
  note: string | null;
}

type Texts = Record<UserLanguage, (e: ReportEventText) => { title: string; body: string }>;

export const REPORT_EVENT_TEXTS: Record<'report_submitted' | 'report_returned' | 'report_accepted', Texts> = {
  report_submitted: {
    zh: (e) => ({ title: `${e.pilotNameZh}提交了${e.periodLabel}进展报告`, body: `${e.pilotNameZh}已提交${e.periodLabel}进展报告，请审核。` }),
    en: (e) => ({ title: `${e.pilotNameEn} submitted its ${e.periodLabel} report`, body: `${e.pilotNameEn} submitted its ${e.periodLabel} progress report for review.` }),
  },
  report_returned: {
    zh: (e) => ({ title: `${e.periodLabel}进展报告被退回`, body: `审核意见：${e.note ?? ''}` }),
    en: (e) => ({ title: `Your ${e.periodLabel} report was returned`, body: `Reviewer's note: ${e.note ?? ''}` }),
  },
  report_accepted: {
    zh: (e) => ({ title: `${e.periodLabel}进展报告已通过`, body: e.note ? `审核意见：${e.note}` : `${e.periodLabel}进展报告已通过审核。` }),
    en: (e) => ({ title: `Your ${e.periodLabel} report was accepted`, body: e.note ? `Reviewer's note: ${e.note}` : `Your ${e.periodLabel} report was accepted.` }),
  },
};
