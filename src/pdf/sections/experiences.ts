import { TASK_CATEGORIES, type TaskCategory } from '../../common/domain.js';
import { fillLabel, localName } from '../format.js';
import type { ExperienceEntry } from '../summary-data.js';
import type { SectionContext } from './section-context.js';

const ENTRY_GAP = 10;

/** Replicable experiences (可复制可推广经验) by category, recommended ones first in each group. */
export function drawExperiences(context: SectionContext): void {
  const { canvas, data, labels } = context;
  canvas.sectionTitle(labels.sectionTitles.experiences);
  if (data.experiences.length === 0) {
    canvas.paragraph(labels.experiencesNone, canvas.styles.body);
    return;
  }
  canvas.paragraph(labels.experiencesIntro, canvas.styles.muted);
  canvas.moveDown(ENTRY_GAP);
  for (const [category, entries] of groupByCategory(data.experiences)) {
    canvas.heading(`${labels.categories[category]} (${entries.length})`, canvas.styles.subheading, 70);
    canvas.moveDown(6);
    for (const entry of entries) drawEntry(context, entry);
    canvas.moveDown(ENTRY_GAP);
  }
}

/** Groups in the fixed category order; within a group recommended entries first, otherwise as given. */
export function groupByCategory(experiences: readonly ExperienceEntry[]): [TaskCategory, ExperienceEntry[]][] {
  return TASK_CATEGORIES.map((category): [TaskCategory, ExperienceEntry[]] => {
    const inCategory = experiences.filter((entry) => entry.category === category);
    return [category, [...inCategory.filter((entry) => entry.recommended), ...inCategory.filter((entry) => !entry.recommended)]];
  }).filter(([, entries]) => entries.length > 0);
}

/** Title (with a "recommended" badge), pilot and tags, then the summary; kept on one page when it fits. */
function drawEntry({ canvas, data, labels, colours }: SectionContext, entry: ExperienceEntry): void {
  const { styles } = canvas;
  const badgeWidth = entry.recommended ? canvas.widthOf(labels.recommended, styles.small) + 16 : 0;
  const titleWidth = canvas.width - badgeWidth;
  const pilot = localName(data.language, entry.pilotNameZh, entry.pilotNameEn);
  const meta =
    entry.tags.length > 0 ? fillLabel(labels.experienceMeta, { pilot, tags: entry.tags.join(labels.listSeparator) }) : pilot;
  const titleSize = canvas.measure(entry.title, styles.bodyBold, titleWidth);
  const metaSize = canvas.measure(meta, styles.muted, canvas.width);
  const summaryHeight = canvas.measure(entry.summary, styles.body, canvas.width).height;
  const total = titleSize.height + metaSize.height + summaryHeight + 2;
  // Keep an entry together unless it is longer than a page; then at least its title and a line or two.
  canvas.ensureSpace(total <= canvas.pageContentHeight ? total : titleSize.height + metaSize.height + 40);

  const top = canvas.y;
  canvas.textBox(entry.title, styles.bodyBold, canvas.left, top, titleWidth, { measured: titleSize });
  if (entry.recommended) canvas.badge(labels.recommended, canvas.right - badgeWidth + 8, top + 1, colours.accent, styles.small);
  canvas.y = top + titleSize.height;
  canvas.y += canvas.textBox(meta, styles.muted, canvas.left, canvas.y, canvas.width, { measured: metaSize });
  canvas.moveDown(2);
  canvas.paragraph(entry.summary, styles.body);
  canvas.moveDown(ENTRY_GAP);
}
