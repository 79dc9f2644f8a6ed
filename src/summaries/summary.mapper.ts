import type { SummaryView } from './dto/summary.dto.js';
import type { SummaryReport } from './entities/summary-report.entity.js';

export function toSummaryView(summary: SummaryReport): SummaryView {
  const view: SummaryView = {
    id: summary.id,
    periodId: summary.periodId,
    status: summary.status,
    progress: summary.progress,
    language: summary.language,
    asOf: summary.asOf,
    province: summary.provinceZh,
    pilotIds: summary.pilotIds,
    createdAt: summary.createdAt.toISOString(),
  };
  if (summary.pageCount !== null) view.pageCount = summary.pageCount;
  if (summary.bytes !== null) view.bytes = summary.bytes;
  if (summary.sha256 !== null) view.sha256 = summary.sha256;
  if (summary.error !== null) view.error = summary.error;
  if (summary.finishedAt !== null) view.finishedAt = summary.finishedAt.toISOString();
  return view;
}
