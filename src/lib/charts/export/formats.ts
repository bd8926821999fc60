// The export formats and their menu labels: tiny on purpose, so the menu can show them without
// loading the exporters (PDF and PNG code is fetched only when a format is chosen).
import type { ChartSpec } from '../spec.ts';

export type ExportFormat = 'svg' | 'pdf' | 'png1' | 'png2' | 'png3' | 'csv' | 'csv-links' | 'tex' | 'md';

export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF (vector)' },
  { format: 'svg', label: 'SVG (vector)' },
  { format: 'png1', label: 'PNG 1×' },
  { format: 'png2', label: 'PNG 2×' },
  { format: 'png3', label: 'PNG 3×' },
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
