import { fillLabel, localName } from '../format.js';
import { drawTable } from '../pdf-table.js';
import type { OverdueEntry } from '../summary-data.js';
import type { SectionContext } from './section-context.js';

/** Milestones, tasks and reports overdue as of the report's `asOf` date. */
export function drawOverdue({ canvas, data, labels, colours }: SectionContext): void {
  const { columns } = labels;
  canvas.sectionTitle(labels.sectionTitles.overdue);
  if (data.overdue.length === 0) {
    canvas.paragraph(fillLabel(labels.overdueNone, { asOf: data.asOf }), canvas.styles.body);
    return;
  }
  canvas.paragraph(fillLabel(labels.overdueIntro, { asOf: data.asOf, count: data.overdue.length }), canvas.styles.body);
  canvas.moveDown(8);
  drawTable<OverdueEntry>(
    canvas,
    [
      { header: columns.type, weight: 0.8, cell: (entry) => labels.overdueTypes[entry.type] },
      { header: columns.pilot, weight: 2, cell: (entry) => localName(data.language, entry.pilotNameZh, entry.pilotNameEn) },
      {
        header: columns.title,
        weight: 3.4,
        cell: (entry) => (entry.taskCode === null ? entry.title : `${entry.taskCode} ${entry.title}`),
      },
      { header: columns.dueDate, weight: 1.1, cell: (entry) => entry.dueDate },
      {
        header: columns.daysOverdue,
        weight: 1,
        align: 'right',
        cell: (entry) => ({ text: String(entry.daysOverdue), colour: colours.taskStatuses.delayed, bold: true }),
      },
    ],
    data.overdue,
  );
}
