// The words that travel with an exported table: title, subtitle (a builder chart's filter is in it),
// source (with its short citation when the exporter set one), licence and what the intervals are —
// as the SVG/PDF print them above and under the chart.
import type { ChartSpec } from '../spec.ts';

/** The sentences of a caption, each ending in a full stop; `table` is set apart by the caller's format. */
export function captionParts(spec: ChartSpec): { title: string; subtitle?: string; source: string; table: string; licence: string; uncertainty?: string } {
  return {
    title: sentence(spec.title),
    subtitle: spec.subtitle ? sentence(spec.subtitle) : undefined,
    source: spec.source.citation ? `${spec.source.benchmark} (${spec.source.citation})` : spec.source.benchmark,
    table: spec.source.table,
    licence: spec.source.license,
    uncertainty: spec.uncertainty ? sentence(spec.uncertainty) : undefined,
  };
}

/** "built from … intervals" → "Built from … intervals."; text already ending in . ! ? keeps its end. */
function sentence(s: string): string {
  const t = s.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
