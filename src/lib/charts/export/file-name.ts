// Export file names that tell charts apart: benchmark, view, what a builder or leaderboard chart
// plots (table and fields, or metric and subset: its title says it), the rows' filter, and the
// author's own calendar date.
import type { ChartSpec } from '../spec.ts';

/**
 * Views drawn from a template, many per benchmark (the builder's, one leaderboard per metric and
 * subset): their names add what is plotted. A curated view's name is unique in its benchmark.
 */
const TEMPLATE_VIEW = /^(builder-|leaderboard$)/;

/** Longest slug kept for the title and for the filter (a file name must stay usable). */
const PART_MAX = 60;

/**
 * "personagym_builder-bar_scores-mean-of-score-by-model_where-task-is-toxicity-control-score-ge-4_2026-11-27.csv".
 * The filter is in the name because a CSV has nowhere else to say it: RFC 4180 has no comment
 * lines, and a leading "# …" line breaks readers that take the first line as the header.
 */
export function chartFileName(spec: ChartSpec, extension: string, suffix = '', date = new Date()): string {
  const s = spec.source;
  // The benchmark is named first already: "PersonaGym: score, by model" → "score, by model".
  const what = spec.title.startsWith(`${s.benchmark}: `) ? spec.title.slice(s.benchmark.length + 2) : spec.title;
  const filter = spec.filter;
  const parts = [slug(s.benchmarkId), slug(spec.view), ...(TEMPLATE_VIEW.test(spec.view) ? [part(what)] : []), ...(filter ? [`where-${part(filter)}`] : [])];
  return `${parts.join('_')}${suffix}_${localDay(date)}.${extension}`;
}

/** YYYY-MM-DD on the author's clock (toISOString is UTC: the day before or after, near midnight). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A slug cut to PART_MAX; a cut one ends in a hash of the whole, so two long filters still differ. */
function part(text: string): string {
  const full = slug(text);
  if (full.length <= PART_MAX) return full;
  return `${full.slice(0, PART_MAX - 8).replace(/-+$/, '')}-${hash(text)}`;
}

/** Lower-case letters, digits and hyphens (a dot only inside a number), safe on every file system. */
function slug(text: string): string {
  const words: Record<string, string> = { '≥': ' ge ', '≤': ' le ', '≠': ' ne ', '>': ' gt ', '<': ' lt ', '=': ' eq ', '–': ' to ' };
  return (
    text
      .toLowerCase()
      // A sign before a number is part of it ("≥ -1" is not "≥ 1"): it would otherwise become a separator.
      .replace(/(^|[\s–(≥≤=<>])[-−](?=\d|\.\d)/g, '$1 minus ')
      .replace(/[≥≤≠<>=–]/g, (c) => words[c])
      .replace(/(\d)\.(\d)/g, '$1\u0000$2')
      .replace(/[^a-z0-9\u0000]+/g, '-')
      .replace(/\u0000/g, '.')
      .replace(/^-|-$/g, '') || 'chart'
  );
}

/** FNV-1a, 32 bits, base 36: a short stable tag, not a security measure. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(0, 7);
}
