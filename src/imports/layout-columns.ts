import type { TableColumn } from '../exports/table/table-file.js';
import { headerLabel, type Layout, type LayoutValues } from './sheet/layout.js';

/**
 * The columns of an import layout as a downloadable table (templates and the task export):
 * headers in both languages, dates as dates, numbers as numbers.
 */
export function layoutColumns<L extends Layout>(layout: L): TableColumn<LayoutValues<L>>[] {
  return (Object.keys(layout) as (keyof L & string)[]).map((key) => ({
    header: headerLabel(layout, key),
    type: layout[key]!.type,
    width: layout[key]!.width,
    value: (values) => values[key] as string | number | undefined,
  }));
}
