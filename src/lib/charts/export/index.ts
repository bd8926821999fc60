// Export entry point, loaded on demand by the export menu: every format, one call each.
import { combinedBibtex } from '../../export/bibtex.ts';
import type { ChartSpec } from '../spec.ts';
import { chartBenchmarks, withCitation } from './citation.ts';
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
  if (format === 'csv') return { blob: new Blob([toCsv(spec)], { type: 'text/csv' }), fileName: name('csv') };
  if (format === 'csv-links') {
    const text = toLinksCsv(spec);
    if (text === null) throw new Error('This chart has no edges to export.');
    return { blob: new Blob([text], { type: 'text/csv' }), fileName: name('csv', '_edges') };
  }
  // The other formats cite the benchmarks: a figure's source line in short, a table with its BibTeX.
  // A catalog that cannot be read costs the citation, not the file, and the user is told.
  const { entries, error } = await chartBenchmarks(spec);
  const cited = withCitation(spec, entries);
  const bibtex = combinedBibtex(entries);
  const uncited = error ? `It has no citation: the benchmark's citation could not be read (${error}).` : undefined;
  // The picture formats draw the chart once, and its height says whether it fits a page.
  const paper = () => {
    const svg = renderForPaper(cited, p);
    return { svg, tall: joinWarnings(tallWarning(p, paperHeightIn(svg), spec), uncited) };
  };
  switch (format) {
    case 'svg': {
      const { svg, tall } = paper();
      return { blob: new Blob([svgText(svg)], { type: 'image/svg+xml' }), fileName: name('svg'), warning: tall };
    }
    case 'pdf': {
      const { svg, tall } = paper();
      return { blob: await chartToPdf(cited, p, svg), fileName: name('pdf'), warning: tall };
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
    case 'tex': {
      const tex = toLatex(spec, bibtex);
      return { blob: new Blob([tex], { type: 'application/x-tex' }), fileName: name('tex'), warning: joinWarnings(uncited, pdflatexWarning(tex)) };
    }
    case 'md':
      return { blob: new Blob([toMarkdown(cited, bibtex)], { type: 'text/markdown' }), fileName: name('md'), warning: uncited };
  }
}

function joinWarnings(...warnings: (string | undefined)[]): string | undefined {
  const all = warnings.filter((w): w is string => Boolean(w));
  return all.length ? all.join(' ') : undefined;
}
