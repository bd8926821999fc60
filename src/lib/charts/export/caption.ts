// The words that travel with an exported table: title, subtitle (a builder chart's filter is in it),
// source, licence and what the intervals are — as the SVG/PDF print them above and under the chart.
import type { ChartSpec } from '../spec.ts';

/** The sentences of a caption, each ending in a full stop; `table` is set apart by the caller's format. */
export function captionParts(spec: ChartSpec): { title: string; subtitle?: string; source: string; table: string; licence: string; uncertainty?: string } {
  return {
    title: sentence(spec.title),
    subtitle: spec.subtitle ? sentence(spec.subtitle) : undefined,
    source: spec.source.benchmark,
    table: spec.source.table,
    licence: spec.source.license,
    uncertainty: spec.uncertainty ? sentence(spec.uncertainty) : undefined,
  };
}

/** "Rows where score ≥ 4" → "Rows where score ≥ 4."; text already ending in . ! ? is kept. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
