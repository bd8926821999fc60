// Export entry point, loaded on demand by the export menu: every format, one call each.
import type { ChartSpec } from '../spec.ts';
import { chartToPdf } from './pdf.ts';
import { chartToPng } from './png.ts';
import { exportFileName, type PaperPreset } from './preset.ts';
import { renderForPaper, svgText } from './svg.ts';
import { toCsv, toLatex, toMarkdown } from './table.ts';
import type { ExportFormat } from './formats.ts';

export { EXPORT_FORMATS, type ExportFormat } from './formats.ts';

export interface ExportedChart {
  blob: Blob;
  fileName: string;
  /** Something the user should know about the file (characters a PDF could not show). */
  warning?: string;
}

export async function exportChart(spec: ChartSpec, format: ExportFormat, p: PaperPreset): Promise<ExportedChart> {
  const name = (ext: string, suffix = '') => exportFileName(spec.source.benchmarkId, spec.view + suffix, ext);
  switch (format) {
    case 'svg':
      return { blob: new Blob([svgText(renderForPaper(spec, p))], { type: 'image/svg+xml' }), fileName: name('svg') };
    case 'pdf': {
      const { blob, unshown } = await chartToPdf(spec, p);
      return { blob, fileName: name('pdf'), warning: unshownWarning(unshown) };
    }
    case 'png1':
    case 'png2':
    case 'png3': {
      const scale = Number(format.slice(3)) as 1 | 2 | 3;
      return { blob: await chartToPng(spec, p, scale), fileName: name('png', `@${scale}x`) };
    }
    case 'csv':
      return { blob: new Blob([toCsv(spec)], { type: 'text/csv' }), fileName: name('csv') };
    case 'tex':
      return { blob: new Blob([toLatex(spec)], { type: 'application/x-tex' }), fileName: name('tex') };
    case 'md':
      return { blob: new Blob([toMarkdown(spec)], { type: 'text/markdown' }), fileName: name('md') };
  }
}

function unshownWarning(unshown: string[]): string | undefined {
  if (unshown.length === 0) return undefined;
  const list = unshown.map((c) => `“${c}”`).join(', ');
  const one = unshown.length === 1;
  return `The PDF fonts have no glyph for ${list}, so ${one ? 'it is' : 'they are'} shown as “?”; the SVG export keeps ${one ? 'it' : 'them'}.`;
}

