import type { FontWeight } from './fonts.js';
import type { TemplateColours } from './template.js';

export interface TextStyle {
  readonly weight: FontWeight;
  /** Points. */
  readonly size: number;
  readonly colour: string;
  /** Extra points between wrapped lines. */
  readonly lineGap: number;
}

/** The type scale of the report: colours come from the template, sizes are the design's. */
export interface TextStyles {
  readonly coverTitle: TextStyle;
  readonly coverSubtitle: TextStyle;
  readonly sectionTitle: TextStyle;
  readonly pilotTitle: TextStyle;
  readonly subheading: TextStyle;
  readonly body: TextStyle;
  readonly bodyBold: TextStyle;
  readonly muted: TextStyle;
  readonly small: TextStyle;
  readonly tableHeader: TextStyle;
  readonly tableCell: TextStyle;
  readonly metricLabel: TextStyle;
  readonly metricValue: TextStyle;
  readonly pageFurniture: TextStyle;
}

export function textStyles(colours: TemplateColours): TextStyles {
  const style = (weight: FontWeight, size: number, colour: string, lineGap = size * 0.3): TextStyle => ({
    weight,
    size,
    colour,
    lineGap,
  });
  return {
    coverTitle: style('bold', 24, '#ffffff', 6),
    coverSubtitle: style('regular', 13, '#ffffff'),
    sectionTitle: style('bold', 16, colours.primary),
    pilotTitle: style('bold', 14, colours.primary),
    subheading: style('bold', 10.5, colours.text),
    body: style('regular', 9, colours.text, 3.5),
    bodyBold: style('bold', 9, colours.text, 3.5),
    muted: style('regular', 8.5, colours.muted),
    small: style('regular', 7.5, colours.muted),
    tableHeader: style('bold', 7.5, colours.text, 1.5),
    tableCell: style('regular', 7.5, colours.text, 1.5),
    metricLabel: style('regular', 7.5, colours.muted),
    metricValue: style('bold', 15, colours.primary),
    pageFurniture: style('regular', 7.5, colours.muted),
  };
}

export function withColour(style: TextStyle, colour: string | undefined): TextStyle {
  return colour === undefined || colour === style.colour ? style : { ...style, colour };
}

export function withWeight(style: TextStyle, weight: FontWeight): TextStyle {
  return weight === style.weight ? style : { ...style, weight };
}
