// Export entry point, loaded on demand by the export menu: every format, one call each.
import { loadCatalog } from '../../catalog/index.ts';
import { findBenchmark } from '../../catalog/search.ts';
import { combinedBibtex } from '../../export/bibtex.ts';
import type { ChartSpec } from '../spec.ts';
import { chartFileName } from './file-name.ts';
import { chartToPdf } from './pdf.ts';
import { chartToPng } from './png.ts';
import { PX_PER_IN, type PaperPreset } from './preset.ts';
import { tallWarning } from './tall-figure.ts';
import { paperHeightIn, renderForPaper, svgText } from './svg.ts';
import { pdflatexWarning } from './latex.ts';
import { toCsv, toLatex, toLinksCsv, toMarkdown } from './table.ts';
import { PNG_FORMATS, type ExportFormat } from './formats.ts';

export { EXPORT_FORMATS, exportFormatsFor, type ExportFormat } from './formats.ts';

export interface ExportedChart {
  blob: Blob;
  fileName: string;
  /** Something the user should know about the file (a figure taller than a page, a table LaTeX needs help with). */
  warning?: string;
}

export async function exportChart(spec: ChartSpec, format: ExportFormat, p: PaperPreset): Promise<ExportedChart> {
  const name = (ext: string, suffix = '') => chartFileName(spec, ext, suffix);
  // The picture formats draw the chart once, and its height says whether it fits a page.
  const paper = () => {
    const svg = renderForPaper(spec, p);
    return { svg, tall: tallWarning(p, paperHeightIn(svg)) };
  };
  switch (format) {
    case 'svg': {
      const { svg, tall } = paper();
      return { blob: new Blob([svgText(svg)], { type: 'image/svg+xml' }), fileName: name('svg'), warning: tall };
    }
    case 'pdf': {
      const { svg, tall } = paper();
      return { blob: await chartToPdf(spec, p, svg), fileName: name('pdf'), warning: tall };
    }
    case 'png1':
    case 'png2':
    case 'png3':
    case 'png300':
    case 'png600': {
      const { dpi, suffix } = PNG_FORMATS[format];
      const { svg, tall } = paper();
      return { blob: await chartToPng(p, dpi / PX_PER_IN, svg), fileName: name('png', suffix), warning: tall };
    }
    case 'csv':
      return { blob: new Blob([toCsv(spec)], { type: 'text/csv' }), fileName: name('csv') };
    case 'csv-links': {
      const text = toLinksCsv(spec);
      if (text === null) throw new Error('This chart has no edges to export.');
      return { blob: new Blob([text], { type: 'text/csv' }), fileName: name('csv', '_edges') };
    }
    case 'tex': {
      const { bibtex, warning } = await benchmarkBibtex(spec);
      const tex = toLatex(spec, bibtex);
      return { blob: new Blob([tex], { type: 'application/x-tex' }), fileName: name('tex'), warning: joinWarnings(warning, pdflatexWarning(tex)) };
    }
    case 'md':
      return { blob: new Blob([toMarkdown(spec)], { type: 'text/markdown' }), fileName: name('md') };
  }
}

/**
 * The BibTeX of the benchmarks the chart's rows come from (the catalog is already loaded by the page
 * that drew it). A catalog that cannot be read costs the \cite, not the table, and the user is told.
 */
async function benchmarkBibtex(spec: ChartSpec): Promise<{ bibtex: string; warning?: string }> {
  try {
    const catalog = await loadCatalog();
    const ids = spec.source.benchmarkIds ?? [spec.source.benchmarkId];
    return { bibtex: combinedBibtex(ids.flatMap((id) => findBenchmark(catalog, id) ?? [])) };
  } catch (error) {
    return { bibtex: '', warning: `The table has no \\cite: the benchmark's citation could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

function joinWarnings(...warnings: (string | undefined)[]): string | undefined {
  const all = warnings.filter((w): w is string => Boolean(w));
  return all.length ? all.join(' ') : undefined;
}
