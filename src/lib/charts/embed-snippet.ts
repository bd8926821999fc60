// The HTML "Copy embed code" gives: an iframe of the embed page and a small inline script that sets
// the iframe's height from the embed's own height message (embed-height.ts), so the chart and its
// link back fit whatever column the host page has. Hosts that strip scripts keep the iframe's initial
// height: the chart's height in a narrow column, where it is tallest, plus its link line.
import { EMBED_HEIGHT, MAX_EMBED_HEIGHT } from './embed-height.ts';
import type { ChartSpec } from './spec.ts';

/** The font size the embed page draws at (embed.ts): the initial height is measured with it. */
export const EMBED_FONT_SIZE = 12;
/** A narrow paper column (CSS px): the initial height is the chart's there, so wider columns fit too. */
export const REFERENCE_COLUMN = 400;
/** Room for the link back under the chart, on two lines where a narrow column wraps it. */
export const LINK_ALLOWANCE = 44;

/** The iframe's height before the embed reports its own: the chart drawn in a reference column, plus the link. */
export async function initialHeight(spec: ChartSpec, doc: Document = document): Promise<number> {
  const { renderChart } = await import('./render.ts');
  const svg = renderChart(spec, { theme: 'light', width: REFERENCE_COLUMN, fontSize: EMBED_FONT_SIZE, document: doc });
  return Number(svg.getAttribute('height')) + LINK_ALLOWANCE;
}

/**
 * The host's side of the height message, written out for a page we know nothing about: it applies a
 * height only from a frame of this page whose window sent it (event.source), from the site's origin.
 */
export function resizerScript(siteOrigin: string): string {
  const check = `e.origin!==${JSON.stringify(siteOrigin)}||!d||d.type!==${JSON.stringify(EMBED_HEIGHT)}||typeof d.height!=="number"||!(d.height>0&&d.height<=${MAX_EMBED_HEIGHT})`;
  return (
    `<script>addEventListener("message",function(e){var d=e.data,f=document.getElementsByTagName("iframe"),i;if(${check})return;` +
    `for(i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(d.height)+"px"})</script>`
  );
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The iframe, full width at its initial height, then the script that resizes it. */
export function iframeSnippet(src: string, title: string, height: number): string {
  const iframe = `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return `${iframe}\n${resizerScript(new URL(src).origin)}`;
}
