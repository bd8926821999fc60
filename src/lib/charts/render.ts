// The one renderer: a ChartSpec becomes a self-contained <svg> (title, legend, plot, source line),
// with every colour resolved from the theme and no stylesheet, so the same element serves the
// screen, the SVG/PDF/PNG exports and the embeds.
import * as Plot from '@observablehq/plot';
import { extent, forceCenter, scaleLinear, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import { describe, firstValue, sourceLine, withUnit, type ChartRow, type ChartSpec, type RenderOptions } from './spec.ts';
import { DEFAULT_BINS, histogramThresholds, numericValues } from './export/histogram-bins.ts';
import { fitText, textWidth } from './text-width.ts';
import { chartTheme, NUMERIC_STYLE, palette, textOn, type ChartTheme } from './theme.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Ctx {
  spec: ChartSpec;
  theme: ChartTheme;
  doc: Document;
  width: number;
  fontSize: number;
  colors: readonly string[];
}

/** A fixed height too small for the chart's title, legend, smallest plot and source line. */
export class ChartHeightError extends Error {
  constructor(
    readonly height: number,
    /** The least height (user units) that fits everything. */
    readonly needed: number,
  ) {
    super(`The chart needs a height of at least ${needed} (it was given ${Math.round(height)}) to fit its title, plot and source line.`);
    this.name = 'ChartHeightError';
  }
}

/** The drawn plot moved into a group of our own at `y`: one flat SVG with no nested stylesheet. */
function plotGroup(ctx: Ctx, plot: SVGSVGElement | HTMLElement, y: number): SVGGElement {
  const group = el(ctx.doc, 'g', { transform: `translate(0,${round(y)})`, 'data-plot': '' }) as SVGGElement;
  // Keep the plot root's presentation attributes (text-anchor, font-size…) that its children inherit.
  for (const name of ['text-anchor', 'font-size', 'fill']) {
    const value = plot.getAttribute(name);
    if (value) group.setAttribute(name, value === 'currentColor' ? ctx.theme.foreground : value);
  }
  group.setAttribute('font-size', String(ctx.fontSize));
  for (const child of [...plot.childNodes]) {
    if ((child as Element).nodeName?.toLowerCase() === 'style') continue;
    group.append(child);
  }
  return group;
}

/** Render a spec to an <svg> element (not attached to any document). */
export function renderChart(spec: ChartSpec, options: RenderOptions): SVGSVGElement {
  const doc = options.document ?? document;
  const theme = chartTheme(options.theme);
  const fontSize = options.fontSize ?? 12;
  const width = Math.max(200, Math.round(options.width));
  const ctx: Ctx = { spec, theme, doc, width, fontSize, colors: palette(spec.palette ?? 'okabe-ito', options.theme) };
  const pad = Math.round(fontSize * 0.5);

  const svg = el(doc, 'svg', { xmlns: SVG_NS, role: 'img', 'font-family': theme.fontFamily, 'font-size': fontSize, style: NUMERIC_STYLE }) as SVGSVGElement;
  const description = describe(spec);
  svg.setAttribute('aria-label', description);
  svg.append(textNode(doc, 'title', spec.title), textNode(doc, 'desc', description));
  const background = el(doc, 'rect', { x: 0, y: 0, width, fill: theme.background });
  svg.append(background);

  // Header: title, subtitle, legend.
  let y = pad;
  for (const line of wrap(spec.title, width - 2 * pad, fontSize * 1.2, true)) {
    y += fontSize * 1.35;
    svg.append(text(doc, line, { x: pad, y, 'font-size': round(fontSize * 1.2), 'font-weight': 'bold', fill: theme.foreground }));
  }
  if (spec.subtitle) {
    for (const line of wrap(spec.subtitle, width - 2 * pad, fontSize * 0.95)) {
      y += fontSize * 1.25;
      svg.append(text(doc, line, { x: pad, y, 'font-size': round(fontSize * 0.95), fill: theme.muted }));
    }
  }
  y += pad;
  // Wrapped small multiples have no room for a y-axis title above the first panel: it goes here.
  if (yLabelInHeader(ctx) && spec.yLabel) {
    y += fontSize;
    svg.append(text(doc, withUnit(spec.yLabel, spec.yUnit), { x: pad, y, fill: theme.foreground }));
    y += pad;
  }
  const legend = drawLegend(ctx, pad, y);
  if (legend) {
    svg.append(legend.node);
    y += legend.height + pad;
  }

  // Footer: the source line, wrapped, always printed.
  const sourceLines = wrap(sourceLine(spec), width - 2 * pad, fontSize * 0.8);
  const footerHeight = sourceLines.length * fontSize * 1.1 + pad * 2;

  // A fixed height that leaves the plot less than its minimum is refused: squeezing it would crush
  // the plot or push the source line below the picture.
  let plotHeight = defaultPlotHeight(ctx);
  if (options.height) {
    const needed = Math.ceil(y + minPlotHeight(ctx) + footerHeight);
    if (options.height < needed) throw new ChartHeightError(options.height, needed);
    plotHeight = options.height - y - footerHeight;
  }
  if (!options.layoutOnly) svg.append(plotGroup(ctx, buildPlot(ctx, plotHeight), y));
  y += plotHeight;

  y += pad;
  for (const line of sourceLines) {
    y += fontSize * 1.1;
    svg.append(text(doc, line, { x: pad, y, 'font-size': round(fontSize * 0.8), fill: theme.muted, 'data-source-line': '' }));
  }
  const height = Math.round(options.height ?? y + pad);
  background.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  resolveCurrentColor(svg, theme);
  // The whole chart is one image (role="img", described above and by the data table); Plot's inner
  // group labels ("tick", "rule", "dot") would be noise, and ARIA forbids labels on role-less <g>.
  // They stay as data-mark so tests and exports can still tell the marks apart.
  for (const node of svg.querySelectorAll('[aria-label]')) {
    if (node === svg) continue;
    node.setAttribute('data-mark', node.getAttribute('aria-label') ?? '');
    node.removeAttribute('aria-label');
  }
  return svg;
}

// ---------------------------------------------------------------------------------------------
// Plot construction, one branch per mark kind.

/** Where Plot draws a y tick label: its default tick length (6) and padding (3) left of the plot. */
const Y_TICK_OFFSET = 9;

function buildPlot(ctx: Ctx, height: number): SVGSVGElement | HTMLElement {
  const { spec, theme, doc, width, fontSize } = ctx;
  const e = spec.encoding;
  // Many panels wrap into a grid: each row gets its grid cell as two hidden facet fields.
  const wrap = facetGrid(ctx);
  const data = wrap ? spec.data.map((d) => ({ ...d, [WRAP_X]: wrap.col(d), [WRAP_Y]: wrap.row(d) })) : spec.data;
  const yIsCategory = e.y !== undefined && typeof firstValue(data, e.y) === 'string';
  const xIsCategory = typeof firstValue(data, e.x) === 'string';
  const colorDomain = e.color && e.mark !== 'heatmap' ? uniques(data, e.color) : [];
  const colorScale = { domain: colorDomain, range: ctx.colors.slice(0, Math.max(1, colorDomain.length)) };
  const fill = (field?: string) => (field ? field : theme.mark);
  const xLabel = withUnit(spec.xLabel, spec.xUnit);
  const yLabel = withUnit(spec.yLabel, spec.yUnit);
  // The left margin fits the widest y label as drawn (plus a little air at the edge); a category
  // label wider than the margin's cap is cut to fit it, never left to run off the picture.
  const air = Math.round(fontSize * 0.5);
  const widestY = yIsCategory ? Math.max(...uniques(data, e.y!).map((s) => textWidth(s, fontSize))) : widestNumericTick(yValues(ctx, data), fontSize);
  let marginLeft = Math.ceil(Math.min(width * 0.45, Math.max(fontSize * 3.5, widestY + Y_TICK_OFFSET + air)));
  const yLabelRoom = marginLeft - Y_TICK_OFFSET - air;
  // Slanted x labels (heatmap columns, vertical bars) hang left of their tick: the first may need more margin.
  const verticalBars = e.mark === 'bar' && !yIsCategory && !(e.color && !e.stack);
  const slanted =
    (e.mark === 'heatmap' && xTickRotation(data, e.x, width - marginLeft, fontSize) !== 0) || (verticalBars && xTickRotation(data, e.x, width, fontSize) !== 0)
      ? slantedXLabels(uniques(data, e.x), panelColumns(ctx, wrap), width, marginLeft, Math.round(fontSize * 2), fontSize)
      : null;
  if (slanted) marginLeft = slanted.marginLeft;
  const marks: Plot.Markish[] = [];
  const sortOrder = e.sort === 'value-asc' ? false : e.sort === 'value-desc' ? true : undefined;

  const base: Plot.PlotOptions = {
    document: doc,
    width,
    height,
    marginLeft,
    marginRight: Math.round(fontSize * 2),
    marginTop: Math.round(fontSize * 1.5),
    marginBottom: Math.round(fontSize * 3),
    style: { fontSize: `${fontSize}px`, fontFamily: theme.fontFamily, background: 'transparent', color: theme.foreground },
    color: colorScale,
    x: { label: xLabel, labelAnchor: 'center', labelArrow: 'none' },
    y: { label: yLabel, labelArrow: 'none', labelAnchor: 'top', tickFormat: yIsCategory ? (d: unknown) => fitText(String(d), yLabelRoom, fontSize) : undefined },
  };
  // Panels: rows for horizontal charts (labels need the width), columns when few.
  const facetValues = e.facet ? uniques(data, e.facet) : [];
  const facetRows = e.facet !== undefined && (yIsCategory || facetValues.length > 4 || (e.mark === 'bar' && !!e.color && !e.stack));
  const facetChannel: { fx?: string; fy?: string } = wrap ? { fx: WRAP_X, fy: WRAP_Y } : e.facet ? (facetRows ? { fy: e.facet } : { fx: e.facet }) : {};
  if (yLabelInHeader(ctx)) base.y = { ...base.y, label: null };
  if (wrap) {
    base.fx = { axis: null, padding: 0.12 };
    base.fy = { axis: null, padding: 0.2 };
    base.marginTop = Math.round(fontSize * 2);
    marks.push(
      Plot.text(wrap.panels, { fx: WRAP_X, fy: WRAP_Y, text: 'title', frameAnchor: 'top-left', dy: -fontSize * 1.1, fill: theme.foreground, fontWeight: 'bold' }),
      Plot.frame({ stroke: theme.grid }),
    );
  } else if (e.facet && facetRows) {
    // Panel titles above each row of panels, left-aligned: long names need the full width.
    base.fy = { axis: null, domain: facetValues, padding: 0.22 };
    base.marginTop = Math.round(fontSize * 2.2);
    marks.push(Plot.text(facetValues, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: 'top-left', dx: -marginLeft + fontSize * 0.5, dy: -fontSize * 0.5, lineAnchor: 'bottom', fill: theme.foreground, fontWeight: 'bold' }));
  } else if (e.facet) {
    base.fx = { label: null, domain: facetValues };
  }

  switch (e.mark) {
    case 'bar': {
      const value = e.y!;
      if (yIsCategory) {
        // Horizontal bars: category on y.
        marks.push(Plot.barX(data, { x: e.x, y: e.y, fill: fill(e.color), ...facetChannel, sort: sortOrder === undefined ? undefined : { y: 'x', reverse: sortOrder } }));
        if (e.lo && e.hi) marks.push(Plot.ruleY(data, { y: e.y, x1: e.lo, x2: e.hi, stroke: theme.rule, strokeWidth: 1.5, ...facetChannel }));
        marks.push(Plot.ruleX([0], { stroke: theme.foreground }));
        base.x = { ...base.x, grid: true, domain: e.domain };
      } else if (e.color && !e.stack) {
        // Grouped bars: one band per category, series side by side inside it.
        marks.push(Plot.barY(data, { fx: e.x, x: e.color, y: value, fill: e.color, ...(e.facet ? { fy: e.facet } : {}) }));
        if (e.lo && e.hi) marks.push(Plot.ruleX(data, { fx: e.x, x: e.color, y1: e.lo, y2: e.hi, stroke: theme.rule, strokeWidth: 1.5 }));
        marks.push(Plot.ruleY([0], { stroke: theme.foreground }));
        base.fx = { label: xLabel, padding: 0.15, domain: uniques(data, e.x) };
        if (e.facet) base.fy = { label: null, domain: facetValues };
        base.x = { axis: null, domain: colorDomain, padding: 0.05 };
        base.y = { ...base.y, grid: true, domain: e.domain };
      } else {
        marks.push(Plot.barY(data, { x: e.x, y: value, fill: fill(e.color), ...facetChannel, sort: sortOrder === undefined ? undefined : { x: 'y', reverse: sortOrder } }));
        if (e.lo && e.hi && !e.stack) marks.push(Plot.ruleX(data, { x: e.x, y1: e.lo, y2: e.hi, stroke: theme.rule, strokeWidth: 1.5, ...facetChannel }));
        marks.push(Plot.ruleY([0], { stroke: theme.foreground }));
        base.y = { ...base.y, grid: true, domain: e.domain };
        if (slanted) base.x = { ...base.x, tickRotate: SLANT_DEGREES, tickFormat: slanted.format };
      }
      break;
    }
    case 'dot': {
      if (yIsCategory) {
        if (e.lo && e.hi) marks.push(Plot.ruleY(data, { y: e.y, x1: e.lo, x2: e.hi, stroke: theme.rule, strokeWidth: 1.5, ...facetChannel }));
        if (e.lo && e.hi) marks.push(Plot.tickX(data, { y: e.y, x: e.lo, stroke: theme.rule, ...facetChannel }), Plot.tickX(data, { y: e.y, x: e.hi, stroke: theme.rule, ...facetChannel }));
        marks.push(Plot.dot(data, { x: e.x, y: e.y, fill: fill(e.color), r: fontSize * 0.35, ...facetChannel, sort: sortOrder === undefined ? undefined : { y: 'x', reverse: sortOrder } }));
        if (e.label) marks.push(Plot.text(data, { x: e.hi ?? e.x, y: e.y, text: e.label, dx: fontSize * 0.6, textAnchor: 'start', fill: theme.foreground, ...facetChannel }));
        base.x = { ...base.x, grid: true, domain: e.domain };
      } else {
        if (e.lo && e.hi) marks.push(Plot.ruleX(data, { x: e.x, y1: e.lo, y2: e.hi, stroke: theme.rule, strokeWidth: 1.5, ...facetChannel }));
        marks.push(Plot.dot(data, { x: e.x, y: e.y, fill: fill(e.color), r: fontSize * 0.35, ...facetChannel }));
        if (e.label) marks.push(Plot.text(data, { x: e.x, y: e.hi ?? e.y, text: e.label, dy: -fontSize * 0.8, fill: theme.foreground, ...facetChannel }));
        base.y = { ...base.y, grid: true, domain: e.domain };
      }
      break;
    }
    case 'line': {
      const z = e.color;
      marks.push(Plot.line(data, { x: e.x, y: e.y, z, stroke: z ?? theme.mark, strokeWidth: 1.5, ...facetChannel }));
      marks.push(Plot.dot(data, { x: e.x, y: e.y, fill: z ?? theme.mark, r: fontSize * 0.25, ...facetChannel }));
      if (e.lo && e.hi) marks.push(Plot.ruleX(data, { x: e.x, y1: e.lo, y2: e.hi, stroke: z ?? theme.rule, ...facetChannel }));
      base.y = { ...base.y, grid: true, domain: e.domain };
      if (xIsCategory) base.x = { ...base.x, type: 'point', domain: uniques(data, e.x) };
      break;
    }
    case 'scatter': {
      marks.push(Plot.dot(data, { x: e.x, y: e.y, fill: fill(e.color), r: fontSize * 0.3, fillOpacity: 0.85, ...facetChannel }));
      if (e.label) marks.push(Plot.text(data, { x: e.x, y: e.y, text: e.label, dy: -fontSize * 0.8, fill: theme.foreground, ...facetChannel }));
      base.x = { ...base.x, grid: true };
      base.y = { ...base.y, grid: true, domain: e.domain };
      break;
    }
    case 'heatmap': {
      const value = e.color!;
      const [lo, hi] = e.domain ?? (extent(data, (d) => num(d[value])) as [number, number]);
      const interpolate = e.scheme === 'diverging' ? theme.diverging : theme.sequential;
      const colorOf = (v: number) => interpolate(hi === lo ? 0.5 : (v - lo) / (hi - lo));
      marks.push(Plot.cell(data, { x: e.x, y: e.y, fill: (d: ChartRow) => colorOf(num(d[value])), inset: 0.5, ...facetChannel }));
      // Cell values shrink until the widest fits its cell (paper widths, narrow embeds), and are left
      // out below a legible size: the colour and the data table still carry them.
      const cellText = (d: ChartRow) => (e.decimals === undefined ? formatNumber(num(d[value])) : num(d[value]).toFixed(e.decimals));
      const columns = uniques(data, e.x).length;
      const cellWidth = (width - marginLeft - fontSize * 2) / Math.max(1, columns);
      // Each distinct label measured once, in a loop: a builder heatmap may have many thousand cells.
      let widestValue = 1;
      for (const label of new Set(data.map(cellText))) widestValue = Math.max(widestValue, textWidth(label, fontSize));
      const labelSize = Math.min(fontSize, (fontSize * (cellWidth * CELL_TEXT_SHARE)) / widestValue);
      if (labelSize >= MIN_CELL_TEXT) marks.push(
        Plot.text(data, {
          x: e.x,
          y: e.y,
          fontSize: Math.floor(labelSize * 100) / 100,
          text: cellText,
          fill: (d: ChartRow) => textOn(colorOf(num(d[value])), theme),
          ...facetChannel,
        }),
      );
      base.color = undefined;
      base.x = { ...base.x, domain: uniques(data, e.x), ...(slanted ? { tickRotate: SLANT_DEGREES, tickFormat: slanted.format } : {}) };
      base.y = { ...base.y, domain: uniques(data, e.y!) };
      break;
    }
    case 'histogram': {
      // The thresholds are computed here, not by Plot, so the exported table counts the same bins.
      const thresholds = histogramThresholds(numericValues(data, e.x), e.bins ?? DEFAULT_BINS);
      marks.push(Plot.rectY(data, Plot.binX({ y: 'count' }, { x: { value: e.x, thresholds }, fill: fill(e.color), inset: 0.5, ...facetChannel } as Plot.BinXInputs<Plot.RectYOptions>)));
      marks.push(Plot.ruleY([0], { stroke: theme.foreground }));
      base.y = { ...base.y, grid: true, label: withUnit(spec.yLabel ?? 'Count', spec.yUnit) };
      break;
    }
    case 'network': {
      const { nodes, links } = layoutNetwork(spec);
      marks.push(Plot.link(links, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: theme.rule, strokeOpacity: 0.6 }));
      marks.push(Plot.dot(nodes, { x: 'x', y: 'y', fill: e.color ? (d: LaidNode) => d.row[e.color!] : theme.mark, r: fontSize * 0.45, stroke: theme.background }));
      if (e.label) marks.push(Plot.text(nodes, { x: 'x', y: 'y', text: (d: LaidNode) => d.row[e.label!], dy: -fontSize * 0.9, fill: theme.foreground, fontSize: fontSize * 0.85 }));
      base.x = { axis: null, inset: fontSize * 4 };
      base.y = { axis: null, inset: fontSize * 1.5 };
      base.marginLeft = fontSize;
      base.marginBottom = fontSize;
      break;
    }
  }
  if (!xIsCategory && e.mark !== 'histogram' && e.mark !== 'network' && base.x && base.x.axis !== null && base.x.domain === undefined) {
    const around = roomAroundOneValue(data, [e.x, e.lo, e.hi]);
    if (around) base.x = { ...base.x, domain: around };
  }
  if (slanted) base.marginBottom = Math.max(base.marginBottom ?? 0, slanted.marginBottom);
  wrapXAxisTitle(base, fontSize);
  return Plot.plot({ ...base, marks }) as SVGSVGElement | HTMLElement;
}

/**
 * A value axis over a single value (a leaderboard of one model) has no extent, and Plot would print
 * its one tick to six decimals ("6.800000"): give it room on both sides of the value instead.
 */
function roomAroundOneValue(data: ChartRow[], fields: (string | undefined)[]): [number, number] | undefined {
  const values = new Set<number>();
  for (const row of data) for (const f of fields) if (f && row[f] !== null && row[f] !== undefined && Number.isFinite(num(row[f]))) values.add(num(row[f]));
  if (values.size !== 1) return undefined;
  const [v] = values;
  const pad = v === 0 ? 1 : Math.abs(v) / 2;
  return [v - pad, v + pad];
}

/**
 * An x-axis title wider than the plot (a narrow screen, a paper column) breaks into lines instead
 * of running off the edge: Plot draws "\n" in a label as a line break, stacking lines upwards from
 * the bottom, so the bottom margin grows by the added lines.
 */
function wrapXAxisTitle(base: Plot.PlotOptions, fontSize: number): void {
  const room = (base.width ?? 0) - (base.marginLeft ?? 0) - (base.marginRight ?? 0);
  for (const key of ['x', 'fx'] as const) {
    const axis = base[key];
    if (!axis || axis.axis === null || typeof axis.label !== 'string') continue;
    const lines = wrap(axis.label, room, fontSize);
    if (lines.length < 2) continue;
    base[key] = { ...axis, label: lines.join('\n') };
    base.marginBottom = (base.marginBottom ?? 0) + Math.round((lines.length - 1) * fontSize * 1.1);
    return;
  }
}

/** The values a numeric y axis spans: the domain asked for, or the data's (counts for a histogram; bars start at 0). */
function yValues(ctx: Ctx, data: ChartRow[]): number[] {
  const e = ctx.spec.encoding;
  if (e.mark === 'network') return [];
  if (e.mark === 'histogram') return [0, data.length];
  if (e.domain) return [...e.domain];
  const values = [e.y, e.lo, e.hi].flatMap((f) => (f ? data.map((d) => num(d[f])) : [])).filter(Number.isFinite);
  return e.mark === 'bar' ? [0, ...values] : values;
}

/** Width of the widest tick label a numeric axis over `values` prints (d3's ticks and format, as Plot uses them). */
function widestNumericTick(values: number[], fontSize: number): number {
  const [lo, hi] = extent(values);
  if (lo === undefined || hi === undefined) return 0;
  const scale = scaleLinear().domain([lo, hi]).nice(TICKS_AT_MOST);
  const format = scale.tickFormat(TICKS_AT_MOST);
  return Math.max(0, ...scale.ticks(TICKS_AT_MOST).map((t) => textWidth(format(t), fontSize)));
}
/** More ticks than Plot draws on a chart's axis: their format has at least as many decimals as Plot's. */
const TICKS_AT_MOST = 12;

/** Heatmap values take at most this share of a column's step (the cell is 90 % of it, less its insets), and are not drawn smaller than MIN_CELL_TEXT. */
const CELL_TEXT_SHARE = 0.8;
const MIN_CELL_TEXT = 5;

/** x tick labels too many to lie flat are slanted by this much. */
const SLANT_DEGREES = -35;
const SLANT_COS = Math.cos((SLANT_DEGREES * Math.PI) / 180);
const SLANT_SIN = Math.sin((-SLANT_DEGREES * Math.PI) / 180);

/**
 * Slanted x tick labels end at their tick and run down and to the left: the bottom margin holds the
 * widest, the left margin grows (up to its cap) so the first band's label stays inside the picture,
 * and labels still too wide for that are cut to fit.
 */
function slantedXLabels(labels: string[], panels: number, width: number, marginLeft: number, marginRight: number, fontSize: number): { marginLeft: number; marginBottom: number; format: (d: unknown) => string } {
  const capped = fitLabel(MAX_ROTATED_CHARS);
  const air = fontSize * 0.5;
  const widest = Math.max(0, ...labels.map((s) => textWidth(capped(s), fontSize)));
  const n = Math.max(1, labels.length * panels);
  // The first band's centre is marginLeft + half a band; a band is at least (width - margins) / n
  // (the panels side by side share the width).
  const halfBand = (left: number) => (width - left - marginRight) / (2 * n);
  const needed = (air + widest * SLANT_COS - (width - marginRight) / (2 * n)) / (1 - 1 / (2 * n));
  const left = Math.ceil(Math.max(marginLeft, Math.min(width * 0.45, needed)));
  const room = (left + halfBand(left) - air) / SLANT_COS;
  return {
    marginLeft: left,
    marginBottom: Math.round(Math.min(widest, room) * SLANT_SIN + fontSize * 3),
    format: (d) => fitText(capped(String(d)), room, fontSize),
  };
}

const WRAP_X = '__panel_col';
const WRAP_Y = '__panel_row';
/** The narrowest panel at the 12-unit base font; it scales with the font (a paper's 8 pt fits more). */
const WRAP_MIN_PANEL_WIDTH = 200;

/** Grid for small multiples of a vertical chart with more panels than fit in one row. */
function facetGrid(ctx: Ctx): { cols: number; rows: number; col: (d: ChartRow) => number; row: (d: ChartRow) => number; panels: ChartRow[] } | null {
  const e = ctx.spec.encoding;
  if (!e.facet || e.mark === 'network' || (e.y && typeof firstValue(ctx.spec.data, e.y) === 'string') || (e.mark === 'bar' && e.color && !e.stack)) return null;
  const values = uniques(ctx.spec.data, e.facet);
  const cols = Math.max(1, Math.min(5, Math.floor(ctx.width / ((WRAP_MIN_PANEL_WIDTH * ctx.fontSize) / 12))));
  if (values.length <= cols) return null;
  const index = new Map(values.map((v, i) => [v, i]));
  const at = (d: ChartRow) => index.get(String(d[e.facet!])) ?? 0;
  return {
    cols,
    rows: Math.ceil(values.length / cols),
    col: (d) => at(d) % cols,
    row: (d) => Math.floor(at(d) / cols),
    panels: values.map((title, i) => ({ title, [WRAP_X]: i % cols, [WRAP_Y]: Math.floor(i / cols) })),
  };
}

/** How many panels stand side by side (each with its own x axis). */
function panelColumns(ctx: Ctx, grid: ReturnType<typeof facetGrid>): number {
  const e = ctx.spec.encoding;
  if (grid) return grid.cols;
  if (!e.facet || (e.y && typeof firstValue(ctx.spec.data, e.y) === 'string')) return 1;
  const panels = uniques(ctx.spec.data, e.facet).length;
  return panels > 4 ? 1 : panels;
}

/** Panels whose titles sit where the y-axis title would: that title moves into the header. */
function yLabelInHeader(ctx: Ctx): boolean {
  const e = ctx.spec.encoding;
  return facetGrid(ctx) !== null || (!!e.facet && !!e.y && typeof firstValue(ctx.spec.data, e.y) === 'string');
}

/**
 * The least plot height that stays legible: room for the axes, and for a horizontal chart one
 * line of text per category per panel.
 */
function minPlotHeight(ctx: Ctx): number {
  const { spec, fontSize } = ctx;
  const e = spec.encoding;
  const base = Math.max(80, fontSize * 7);
  if (!e.y || typeof firstValue(spec.data, e.y) !== 'string') return base;
  const facets = e.facet ? uniques(spec.data, e.facet).length : 1;
  return Math.max(base, Math.round(facets * uniques(spec.data, e.y).length * fontSize * 1.1 + fontSize * 5));
}

function defaultPlotHeight(ctx: Ctx): number {
  const { spec, fontSize } = ctx;
  const e = spec.encoding;
  const facets = e.facet ? uniques(spec.data, e.facet).length : 1;
  const grid = facetGrid(ctx);
  if (grid) return Math.round(grid.rows * Math.max(130, fontSize * 11) + fontSize * 5);
  if (e.mark === 'network') return Math.round(Math.min(640, Math.max(320, ctx.width * 0.6)));
  if (e.y && typeof firstValue(spec.data, e.y) === 'string') {
    // Horizontal marks: one row per category per panel.
    const rows = uniques(spec.data, e.y).length;
    const perRow = e.mark === 'heatmap' ? fontSize * 2.4 : fontSize * 1.9;
    const longestX = Math.min(MAX_ROTATED_CHARS, Math.max(0, ...uniques(spec.data, e.x).map((v) => v.length)));
    return Math.round(facets * rows * perRow + fontSize * 5 + (e.mark === 'heatmap' ? longestX * fontSize * 0.35 + fontSize * 2 : 0));
  }
  return Math.round(facets > 1 && !e.color ? Math.max(260, facets * 140) : 300);
}

// ---------------------------------------------------------------------------------------------
// Legend: swatches for categories, a stepped ramp for numeric fills. Drawn here so it is plain SVG.

function drawLegend(ctx: Ctx, x0: number, y0: number): { node: SVGGElement; height: number } | null {
  const { spec, theme, doc, fontSize, width } = ctx;
  const e = spec.encoding;
  if (!e.color) return null;
  const g = el(doc, 'g', { 'data-legend': '', 'aria-hidden': 'true' }) as SVGGElement;
  const size = fontSize * 0.8;
  if (e.mark === 'heatmap') {
    const values = spec.data.map((d) => num(d[e.color!])).filter(Number.isFinite);
    const [lo, hi] = e.domain ?? [Math.min(...values), Math.max(...values)];
    const interpolate = e.scheme === 'diverging' ? theme.diverging : theme.sequential;
    const label = spec.colorLabel ?? e.color;
    g.append(text(doc, label, { x: x0, y: y0 + fontSize, fill: theme.foreground, 'font-size': fontSize * 0.9 }));
    const rampX = x0 + Math.min(width * 0.4, textWidth(label, fontSize * 0.9) + fontSize);
    const rampW = Math.min(width - rampX - x0 - fontSize * 3, fontSize * 16);
    const steps = 24;
    for (let i = 0; i < steps; i++) {
      g.append(el(doc, 'rect', { x: round(rampX + (i * rampW) / steps), y: y0, width: round(rampW / steps + 0.5), height: size * 1.2, fill: interpolate(i / (steps - 1)) }));
    }
    const labelY = y0 + size * 1.2 + fontSize;
    g.append(text(doc, formatNumber(lo), { x: rampX, y: labelY, fill: theme.muted, 'font-size': fontSize * 0.85 }));
    g.append(text(doc, formatNumber(hi), { x: rampX + rampW, y: labelY, fill: theme.muted, 'font-size': fontSize * 0.85, 'text-anchor': 'end' }));
    return { node: g, height: labelY - y0 };
  }
  const domain = uniques(spec.data, e.color);
  let x = x0;
  let y = y0;
  if (spec.colorLabel) {
    g.append(text(doc, spec.colorLabel, { x, y: y + size, fill: theme.foreground, 'font-weight': 'bold' }));
    x += textWidth(spec.colorLabel, fontSize, true) + fontSize * 0.6;
  }
  domain.forEach((value, i) => {
    const w = size + fontSize * 0.3 + textWidth(value, fontSize) + fontSize;
    if (x + w > width - x0 && x > x0) {
      x = x0;
      y += fontSize * 1.4;
    }
    g.append(el(doc, 'rect', { x, y: y + size * 0.15, width: size, height: size, fill: ctx.colors[i % ctx.colors.length], 'data-swatch': value }));
    g.append(text(doc, value, { x: x + size + fontSize * 0.3, y: y + size, fill: theme.foreground }));
    x += w;
  });
  return { node: g, height: y - y0 + fontSize * 1.2 };
}

// ---------------------------------------------------------------------------------------------
// Network layout: d3-force is deterministic (its own seeded LCG), so the same data lay out the same.

interface LaidNode extends SimulationNodeDatum {
  id: string;
  row: ChartRow;
}

function layoutNetwork(spec: ChartSpec): { nodes: LaidNode[]; links: { x1: number; y1: number; x2: number; y2: number }[] } {
  const e = spec.encoding;
  const nodes: LaidNode[] = spec.data.map((row) => ({ id: String(row[e.x]), row }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = (spec.links ?? [])
    .map((l) => ({ source: String(l[e.source ?? 'source']), target: String(l[e.target ?? 'target']) }))
    .filter((l) => byId.has(l.source) && byId.has(l.target));
  // forceLink replaces the ends by node objects, so it gets its own copies of the edges.
  const sim = forceSimulation(nodes)
    .force('link', forceLink<LaidNode, { source: string | LaidNode; target: string | LaidNode }>(edges.map((l) => ({ ...l }))).id((d) => d.id).distance(40))
    .force('charge', forceManyBody().strength(-120))
    .force('collide', forceCollide(14))
    .force('center', forceCenter(0, 0))
    // A weak pull to the middle keeps separate communities from drifting apart.
    .force('x', forceX(0).strength(0.08))
    .force('y', forceY(0).strength(0.08))
    .stop();
  sim.tick(300);
  const links = edges.map((l) => {
    const a = byId.get(l.source)!;
    const b = byId.get(l.target)!;
    return { x1: a.x ?? 0, y1: a.y ?? 0, x2: b.x ?? 0, y2: b.y ?? 0 };
  });
  return { nodes, links };
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

function el(doc: Document, name: string, attrs: Record<string, string | number>): SVGElement {
  const node = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) if (k !== 'xmlns') node.setAttribute(k, String(v));
  return node;
}

function text(doc: Document, content: string, attrs: Record<string, string | number>): SVGElement {
  const node = el(doc, 'text', attrs);
  node.textContent = content;
  return node;
}

function textNode(doc: Document, name: string, content: string): SVGElement {
  const node = el(doc, name, {});
  node.textContent = content;
  return node;
}

/** Plot draws axes in currentColor; exports (and svg2pdf) need the colour spelled out. */
function resolveCurrentColor(svg: SVGSVGElement, theme: ChartTheme): void {
  for (const node of svg.querySelectorAll('[fill="currentColor"], [stroke="currentColor"]')) {
    if (node.getAttribute('fill') === 'currentColor') node.setAttribute('fill', theme.foreground);
    if (node.getAttribute('stroke') === 'currentColor') node.setAttribute('stroke', theme.foreground);
  }
}

/** Greedy word wrap by the drawn width of the text (a word longer than a line keeps a line of its own). */
export function wrap(content: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/)) {
    if (current && textWidth(`${current} ${word}`, fontSize, bold) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/** Whether x labels laid flat, each in a band as wide as the widest, would overrun the width: then they slant. */
function xTickRotation(data: ChartRow[], field: string, width: number, fontSize: number): number {
  const labels = uniques(data, field);
  const widest = Math.max(0, ...labels.map((s) => textWidth(s, fontSize)));
  return labels.length * widest > width * 0.9 ? SLANT_DEGREES : 0;
}

/** Category labels longer than `chars` cut with an ellipsis (the data table keeps them whole). */
function fitLabel(chars: number): (d: unknown) => string {
  chars = Math.max(4, chars);
  return (d) => {
    const label = String(d);
    return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
  };
}

/** Rotated tick labels longer than this are cut (the data table keeps them whole). */
const MAX_ROTATED_CHARS = 28;

function uniques(data: ChartRow[], field: string): string[] {
  const seen = new Set<string>();
  for (const row of data) if (row[field] !== null && row[field] !== undefined) seen.add(String(row[field]));
  return [...seen];
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Numbers as printed in charts: up to 3 significant decimals, no trailing zeros. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(v.toFixed(digits)));
}
