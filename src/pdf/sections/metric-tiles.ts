import type { ReportCanvas } from '../pdf-layout.js';
import { withColour } from '../text-styles.js';

export interface MetricTile {
  readonly label: string;
  readonly value: string;
  /** Colour of the value, to draw the eye to figures that need attention. */
  readonly colour?: string;
}

const TILE_GAP = 8;
const TILE_PADDING = 7;

/** Key figures as a grid of outlined tiles, `perRow` to a row. */
export function drawMetricTiles(canvas: ReportCanvas, tiles: readonly MetricTile[], perRow: number): void {
  const { styles } = canvas;
  const tileWidth = (canvas.width - TILE_GAP * (perRow - 1)) / perRow;
  const innerWidth = tileWidth - 2 * TILE_PADDING;
  const tileHeight =
    2 * TILE_PADDING + canvas.lineHeight(styles.metricLabel) + canvas.lineHeight(styles.metricValue) - styles.metricValue.lineGap;

  for (let first = 0; first < tiles.length; first += perRow) {
    canvas.ensureSpace(tileHeight);
    const top = canvas.y;
    tiles.slice(first, first + perRow).forEach((tile, column) => {
      const x = canvas.left + column * (tileWidth + TILE_GAP);
      canvas.doc.roundedRect(x, top, tileWidth, tileHeight, 3).lineWidth(0.7).strokeColor(canvas.colours.border).stroke();
      const labelHeight = canvas.lineHeight(styles.metricLabel);
      canvas.textLine(tile.label, styles.metricLabel, x + TILE_PADDING, top + TILE_PADDING, innerWidth);
      canvas.textLine(tile.value, withColour(styles.metricValue, tile.colour), x + TILE_PADDING, top + TILE_PADDING + labelHeight, innerWidth);
    });
    canvas.y = top + tileHeight + TILE_GAP;
  }
}
