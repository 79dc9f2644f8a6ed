import { fillLabel, formatInstant } from '../format.js';
import type { SectionContext } from './section-context.js';

const BAND_HEIGHT = 250;

/** Page 1: the title on a coloured band, then what the report covers and when it was made. */
export function drawCover({ canvas, data, labels, colours }: SectionContext): void {
  const { doc, styles } = canvas;
  canvas.fillRect(0, 0, doc.page.width, BAND_HEIGHT, colours.primary);
  canvas.fillRect(0, BAND_HEIGHT, doc.page.width, 4, colours.accent);

  canvas.y = 120;
  canvas.y += canvas.textBox(labels.coverTitle, styles.coverTitle, canvas.left, canvas.y, canvas.width);
  canvas.moveDown(8);
  canvas.textBox(`${labels.periodLabel} ${data.period.label}`, styles.coverSubtitle, canvas.left, canvas.y, canvas.width);

  canvas.y = BAND_HEIGHT + 50;
  const scope = [
    data.scope.province ?? labels.scopeAllProvinces,
    ...(data.scope.selectedPilots ? [labels.scopeSelectedPilots] : []),
    fillLabel(labels.scopePilotCount, { count: data.scope.pilotCount }),
  ].join(' · ');
  canvas.keyValues(
    [
      [
        labels.periodLabel,
        `${data.period.label} · ${fillLabel(labels.periodDates, { start: data.period.startDate, end: data.period.endDate })}`,
      ],
      [labels.dueDate, data.period.dueDate],
      [labels.scope, scope],
      [labels.asOf, data.asOf],
      [labels.generatedAt, `${formatInstant(data.generatedAt, data.timezone)} (${data.timezone})`],
      [labels.summaryId, data.summaryId],
    ],
    130,
  );
}
