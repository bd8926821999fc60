// Embed links: embed.html?b=<benchmark>&view=<view>&theme=auto|light|dark, and the iframe snippet.
import type { ThemeName } from './theme.ts';

export type EmbedTheme = ThemeName | 'auto';

export interface EmbedTarget {
  benchmark: string;
  view: string;
  theme: EmbedTheme;
}

/** Absolute embed URL for a chart; `siteRoot` is the site's base URL (origin + base path). */
export function embedUrl(siteRoot: string, target: EmbedTarget): string {
  const url = new URL('embed.html', siteRoot);
  url.searchParams.set('b', target.benchmark);
  url.searchParams.set('view', target.view);
  url.searchParams.set('theme', target.theme);
  return url.toString();
}

/** Read an embed URL's query; a clear message names what is missing or wrong. */
export function parseEmbedQuery(search: string): EmbedTarget | { error: string } {
  const q = new URLSearchParams(search);
  const benchmark = q.get('b');
  const view = q.get('view');
  const theme = q.get('theme') ?? 'auto';
  if (!benchmark) return { error: 'The embed link has no benchmark (the “b” parameter).' };
  if (!view) return { error: 'The embed link has no chart (the “view” parameter).' };
  if (theme !== 'auto' && theme !== 'light' && theme !== 'dark') return { error: `Unknown theme “${theme}” in the embed link: use auto, light or dark.` };
  return { benchmark, view, theme };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The iframe snippet "Copy embed code" gives: full width, the chart's height plus the link line. */
export function iframeSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
