// The one place chart colours and type come from. Charts ask the theme; they never name a colour.
// Okabe–Ito (Wong 2011) and Tableau10 are colour-blind-safe categorical palettes.
import { interpolateBlues, interpolateCividis, interpolateRdBu } from 'd3';

export type ThemeName = 'light' | 'dark';
export type PaletteName = 'okabe-ito' | 'tableau10';

export interface ChartTheme {
  name: ThemeName;
  background: string;
  foreground: string;
  muted: string;
  grid: string;
  /** Colour of a single-series mark (bars, dots, lines without a colour channel). */
  mark: string;
  /** Intervals and links: drawn under the marks. */
  rule: string;
  fontFamily: string;
  /** Sequential scheme for heatmaps (low → high), as an interpolator on [0, 1]. */
  sequential: (t: number) => string;
  /** Diverging scheme (negative → positive). */
  diverging: (t: number) => string;
}

/** Font stack named in every SVG: system fonts, ending in generic families the PDF maps to Helvetica. */
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Helvetica, Arial, sans-serif";

/** Style applied to chart text: numbers line up in columns. */
export const NUMERIC_STYLE = 'font-variant-numeric: tabular-nums';

const PALETTES: Record<PaletteName, { light: readonly string[]; dark: readonly string[] }> = {
  // Okabe & Ito (2008); black is replaced by grey so it reads on both backgrounds.
  'okabe-ito': {
    light: ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442', '#666666'],
    dark: ['#E69F00', '#56B4E9', '#009E73', '#4A9FE0', '#D55E00', '#CC79A7', '#F0E442', '#BBBBBB'],
  },
  tableau10: {
    light: ['#4E79A7', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1', '#FF9DA7', '#9C755F', '#BAB0AC'],
    dark: ['#6C9BD1', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1', '#FF9DA7', '#B8906F', '#BAB0AC'],
  },
};

const THEMES: Record<ThemeName, ChartTheme> = {
  light: {
    name: 'light',
    background: '#ffffff',
    foreground: '#1b1d22',
    muted: '#5a6070',
    grid: '#e3e6eb',
    mark: '#0072B2',
    rule: '#5a6070',
    fontFamily: FONT_STACK,
    sequential: interpolateBlues,
    diverging: (t) => interpolateRdBu(1 - t),
  },
  dark: {
    name: 'dark',
    background: '#14161b',
    foreground: '#e6e8ec',
    muted: '#a1a8b6',
    grid: '#2c313b',
    mark: '#56B4E9',
    rule: '#a1a8b6',
    fontFamily: FONT_STACK,
    // Blues fade into a dark background at the low end; cividis keeps contrast there.
    sequential: interpolateCividis,
    diverging: (t) => interpolateRdBu(1 - t),
  },
};

export function chartTheme(name: ThemeName): ChartTheme {
  return THEMES[name];
}

export function palette(name: PaletteName, theme: ThemeName): readonly string[] {
  return PALETTES[name][theme];
}

/** Black or white text, whichever reads better on `background` (a #rrggbb or rgb() colour). */
export function textOn(background: string, theme: ChartTheme): string {
  const rgb = parseColor(background);
  if (!rgb) return theme.foreground;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.4 ? '#111111' : '#ffffff';
}

function parseColor(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}
