// The embed's height message and the snippet's script that applies it: only from the site's origin,
// only to the iframe whose window sent it; the snippet's initial height is the chart's tallest at any embed width.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT } from '../../src/lib/charts/embed-height.ts';
import { EMBED_MAX_WIDTH, EMBED_MIN_WIDTH, embedLayoutWidth, embedLayoutWidths, iframeSnippet, initialHeight, LINK_ALLOWANCE } from '../../src/lib/charts/embed-snippet.ts';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';

const SRC = 'https://example.org/personascope/embed.html?b=personagym&view=model-by-task&theme=light';
const SITE = 'https://example.org';

describe('the snippet’s script', () => {
  /** A host page with the snippet and a second iframe, scripts run as a browser would. */
  function host() {
    const dom = new JSDOM(`<!doctype html><body><div style="width:400px">${iframeSnippet(SRC, 'A “chart”', 480)}</div><iframe id="other"></iframe></body>`, {
      runScripts: 'dangerously',
    });
    const [ours, other] = [...dom.window.document.querySelectorAll('iframe')];
    const send = (data: unknown, origin: string, source: Window | null) =>
      dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data, origin, source: source as never }));
    return { ours, other, send };
  }

  it('gives a full-width iframe of the embed URL at its initial height, the title escaped', () => {
    const { ours } = host();
    expect(ours.getAttribute('src')).toBe(SRC);
    expect(ours.getAttribute('height')).toBe('480');
    expect(ours.getAttribute('width')).toBe('100%');
    expect(ours.getAttribute('title')).toBe('A “chart”');
  });

  it('sizes the iframe whose window sent the height, from the site’s origin only', () => {
    const { ours, other, send } = host();
    send({ type: EMBED_HEIGHT, height: 506.4 }, SITE, ours.contentWindow);
    expect(ours.style.height).toBe('507px');
    expect(other.style.height).toBe('');
    send({ type: EMBED_HEIGHT, height: 900 }, 'https://evil.example', ours.contentWindow);
    send({ type: EMBED_HEIGHT, height: 900 }, SITE, null);
    send({ type: 'something-else', height: 900 }, SITE, ours.contentWindow);
    // Only our message with a plausible height is applied.
    for (const bad of [null, 'x', { type: 'other', height: 5 }, { type: EMBED_HEIGHT }, { type: EMBED_HEIGHT, height: -1 }, { type: EMBED_HEIGHT, height: 1e6 }, { type: EMBED_HEIGHT, height: '500' }])
      send(bad, SITE, ours.contentWindow);
    expect(ours.style.height).toBe('507px');
    expect(other.style.height).toBe('');
    // A second embed on the page is sized from its own messages, the first left as it was.
    send({ type: EMBED_HEIGHT, height: 300 }, SITE, other.contentWindow);
    expect([ours.style.height, other.style.height]).toEqual(['507px', '300px']);
  });
});

describe('the initial height', () => {
  const doc = new JSDOM('<!doctype html><body></body>').window.document;
  const heightAt = (spec: ChartSpec) => (width: number) => Number(renderChart(spec, { theme: 'light', width, fontSize: 12, document: doc }).getAttribute('height'));

  it('is the chart’s height in a narrow column plus the link line where the chart is tallest there', async () => {
    const fixture = chartFixtures().find((s) => s.view === 'heatmap')!;
    // A real title's length: it wraps in a narrow column.
    const heatmap = { ...fixture, title: 'PersonaGym: score of each model on each task, as released with the paper' };
    const at = heightAt(heatmap);
    expect(await initialHeight(heatmap, doc)).toBe(at(EMBED_MIN_WIDTH) + LINK_ALLOWANCE);
    expect(at(EMBED_MIN_WIDTH)).toBeGreaterThan(at(900));
  });

  it('holds a network at its tallest, in a wide column: no embed width lays it out taller', async () => {
    const network = chartFixtures().find((s) => s.view === 'network')!;
    const at = heightAt(network);
    const height = await initialHeight(network, doc);
    expect(at(900)).toBeGreaterThan(at(400));
    for (const column of [300, 400, 640, 900, 1024, 1100, 1333, 2400]) expect(at(embedLayoutWidth(column)) + LINK_ALLOWANCE).toBeLessThanOrEqual(height);
  });

  it('is measured over every layout width, from the narrowest to the widest the embed page uses', () => {
    const widths = embedLayoutWidths();
    expect([widths[0], widths.at(-1)]).toEqual([EMBED_MIN_WIDTH, EMBED_MAX_WIDTH]);
    expect([embedLayoutWidth(120), embedLayoutWidth(700), embedLayoutWidth(3000)]).toEqual([EMBED_MIN_WIDTH, 700, EMBED_MAX_WIDTH]);
  });
});
