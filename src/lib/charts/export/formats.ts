// The export formats and their menu labels: tiny on purpose, so the menu can show them without
// loading the exporters (PDF and PNG code is fetched only when a format is chosen).
import type { ChartSpec } from '../spec.ts';
import { PX_PER_IN } from './preset.ts';

/**
 * PNG densities: 1–3× the screen's 96 px per inch for slides and the web, 300 and 600 dpi for
 * print (publishers check for at least 300; line art often needs 600). `suffix` ends the file name.
 */
export const PNG_FORMATS = {
  png1: { dpi: PX_PER_IN, suffix: '@1x', label: 'PNG 1×' },
  png2: { dpi: PX_PER_IN * 2, suffix: '@2x', label: 'PNG 2×' },
  png3: { dpi: PX_PER_IN * 3, suffix: '@3x', label: 'PNG 3×' },
  png300: { dpi: 300, suffix: '@300dpi', label: 'PNG 300 dpi (print)' },
  png600: { dpi: 600, suffix: '@600dpi', label: 'PNG 600 dpi (line art)' },
} as const;

export type PngFormat = keyof typeof PNG_FORMATS;
export type ExportFormat = 'svg' | 'pdf' | PngFormat | 'csv' | 'csv-links' | 'tex' | 'md';

export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF (vector)' },
  { format: 'svg', label: 'SVG (vector)' },
  ...Object.entries(PNG_FORMATS).map(([format, f]) => ({ format: format as PngFormat, label: f.label })),
  { format: 'csv', label: 'Data (CSV)' },
  { format: 'csv-links', label: 'Edges (CSV)' },
  { format: 'tex', label: 'Table (LaTeX, booktabs)' },
  { format: 'md', label: 'Table (Markdown)' },
];

/** The formats a chart offers: a network's edges are a CSV of their own, other charts have none. */
export function exportFormatsFor(spec: ChartSpec): { format: ExportFormat; label: string }[] {
  const hasLinks = spec.encoding.mark === 'network' && (spec.links?.length ?? 0) > 0;
  return EXPORT_FORMATS.filter((f) => f.format !== 'csv-links' || hasLinks);
}
