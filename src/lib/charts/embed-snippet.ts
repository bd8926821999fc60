// The HTML "Copy embed code" gives: an iframe of the embed page and a small inline script that sets
// the iframe's height from the embed's own height message (embed-height.ts), so the chart and its
// link back fit whatever column the host page has. Hosts that strip scripts keep the iframe's initial
// height: the chart's tallest over every width the embed page lays it out at, plus its link line. Most
// charts are tallest in a narrow column (titles and labels wrap), a network in a wide one (its plot
// grows with the width), so no single width would do.
import { EMBED_HEIGHT, MAX_EMBED_HEIGHT } from './embed-height.ts';
import type { ChartSpec } from './spec.ts';
import { nextTask } from '../next-task.ts';

/** The font size the embed page draws at (embed.ts): the initial height is measured with it. */
export const EMBED_FONT_SIZE = 12;
/** The narrowest layout (CSS px): a narrower column gets the chart scaled down, so shorter. */
export const EMBED_MIN_WIDTH = 280;
/** The widest layout (CSS px): a wider column gets the chart at this width, not stretched taller. */
export const EMBED_MAX_WIDTH = 1600;
/**
 * Step between the widths measured (CSS px): fine enough that a plot growing with the width (a
 * network, 0.6 px a px) gains under the room a one-line link leaves spare in the allowance below.
 */
const MEASURE_STEP = 20;
/** Room for the link back under the chart, on two lines where a narrow column wraps it. */
export const LINK_ALLOWANCE = 44;

/** The width the embed page lays the chart out at in a column this wide. */
export const embedLayoutWidth = (column: number): number => Math.min(EMBED_MAX_WIDTH, Math.max(EMBED_MIN_WIDTH, column));

/** Every width the embed page may lay a chart out at, at MEASURE_STEP apart, both ends included. */
export function embedLayoutWidths(): number[] {
  const widths: number[] = [];
  for (let w = EMBED_MIN_WIDTH; w < EMBED_MAX_WIDTH; w += MEASURE_STEP) widths.push(w);
  return [...widths, EMBED_MAX_WIDTH];
}

/** How long the measuring draws run before letting the page have a turn (ms): no long task. */
const MEASURE_SLICE_MS = 40;

/**
 * The iframe's height before the embed reports its own: the chart's tallest over the layout widths,
 * plus the link. The drawings are split into short tasks, so copying never blocks the page long.
 */
export async function initialHeight(spec: ChartSpec, doc: Document = document): Promise<number> {
  const { renderChart } = await import('./render.ts');
  let tallest = 0;
  let since = performance.now();
  for (const width of embedLayoutWidths()) {
    const svg = renderChart(spec, { theme: 'light', width, fontSize: EMBED_FONT_SIZE, document: doc, layoutOnly: true });
    tallest = Math.max(tallest, Number(svg.getAttribute('height')));
    if (performance.now() - since > MEASURE_SLICE_MS) {
      await nextTask();
      since = performance.now();
    }
  }
  return tallest + LINK_ALLOWANCE;
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
