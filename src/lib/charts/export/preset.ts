// Paper presets for exports: column widths of two-column papers, a chosen height and font size.
export interface PaperPreset {
  /** Width and height in inches; a null height fits the chart's content. */
  widthIn: number;
  heightIn: number | null;
  /** Base font size in points. */
  fontPt: number;
}

export const COLUMN_WIDTHS = {
  single: { label: 'Single column (3.25 in)', widthIn: 3.25 },
  double: { label: 'Double column (6.75 in)', widthIn: 6.75 },
} as const;

export type ColumnPreset = keyof typeof COLUMN_WIDTHS;

export function preset(column: ColumnPreset, heightIn: number | null, fontPt: number): PaperPreset {
  return { widthIn: COLUMN_WIDTHS[column].widthIn, heightIn, fontPt };
}

/** Points per inch (PDF and SVG user units in exports are points). */
export const PT_PER_IN = 72;
/** CSS pixels per inch: PNG at 1× has 96 px per inch, 2× 192, 3× 288 (formats.ts adds 300 and 600). */
export const PX_PER_IN = 96;

/** PNG pixel size of a chart `heightIn` tall (the preset's height, or the content's when it fits). */
export function pngSize(p: PaperPreset, scale: number, heightIn = p.heightIn ?? 0): { width: number; height: number } {
  return { width: Math.round(p.widthIn * PX_PER_IN * scale), height: Math.round(heightIn * PX_PER_IN * scale) };
}
