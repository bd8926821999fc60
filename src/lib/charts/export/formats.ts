// The export formats and their menu labels: tiny on purpose, so the menu can show them without
// loading the exporters (PDF and PNG code is fetched only when a format is chosen).
export type ExportFormat = 'svg' | 'pdf' | 'png1' | 'png2' | 'png3' | 'csv' | 'tex' | 'md';

export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF (vector)' },
  { format: 'svg', label: 'SVG (vector)' },
  { format: 'png1', label: 'PNG 1×' },
  { format: 'png2', label: 'PNG 2×' },
  { format: 'png3', label: 'PNG 3×' },
  { format: 'csv', label: 'Data (CSV)' },
  { format: 'tex', label: 'Table (LaTeX, booktabs)' },
  { format: 'md', label: 'Table (Markdown)' },
];
