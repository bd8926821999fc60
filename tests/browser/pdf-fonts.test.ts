// PDF export keeps labels outside WinAnsi (Greek, arrows, maths) by embedding DejaVu Sans, and
// refuses a chart with characters no embedded font has (CJK, emoji), naming them, instead of
// printing them as "?".
// Checked with poppler's pdftotext and pdffonts on the file the browser produced.
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { poppler, useFixturePage } from './fixture-page.ts';

type Labels = Partial<Pick<ChartSpec, 'title' | 'xLabel' | 'yLabel'>>;

const fixtures = useFixturePage('pdf-fonts-');
const exportPdf = (name: string, labels: Labels) => fixtures.pdf(name, 'bar', labels);

const text = (file: string) => poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');
const fonts = (file: string) => poppler('pdffonts', [file]);

describe('PDF export fonts', () => {
  it('keeps Greek letters, arrows and maths signs in bold titles and plain axis labels', async () => {
    const pdf = await exportPdf('greek', { title: 'Accuracy Ω → α', xLabel: 'Δ score ≤ 0.5 · β' });
    const extracted = text(pdf.file);
    expect(extracted).toContain('Accuracy Ω → α');
    expect(extracted).toContain('Δ score ≤ 0.5 · β');
    expect(extracted).not.toContain('?');
    // Regular and bold, both embedded with a Unicode map (pdffonts columns: emb sub uni).
    expect(fonts(pdf.file).match(/^DejaVu Sans\s+CID TrueType\s+Identity-H\s+yes\s+\w+\s+yes/gm)).toHaveLength(2);
  });

  it('embeds its fonts when every label is Latin-1 too: publishers refuse the unembedded Helvetica', async () => {
    const pdf = await exportPdf('latin', { title: 'Accuracy – café™', xLabel: 'score (‰)' });
    expect(text(pdf.file)).toContain('Accuracy – café™');
    expect(text(pdf.file)).toContain('score (‰)');
    const listed = fonts(pdf.file).split('\n').slice(2).filter((line) => line.trim());
    expect(listed.length).toBeGreaterThan(0);
    // pdffonts columns: name type encoding emb sub uni object ID; every font embedded, none standard.
    for (const line of listed) expect(line).toMatch(/^\S+ Sans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes\s+/);
    expect(fonts(pdf.file)).not.toMatch(/Helvetica/);
  });

  it('refuses a chart whose labels no embedded font can draw (CJK, emoji), naming the characters and pointing to SVG and PNG', async () => {
    const data = ['三国演义', '红楼梦', 'Hamlet'].map((model, i) => ({ model, value: i / 3, lo: i / 3 - 0.1, hi: i / 3 + 0.1 }));
    const refusal = await fixtures.pdf('cjk', 'bar', { data }).then(
      () => 'a PDF was made',
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/No PDF was made: its font \(DejaVu Sans\) has no glyph for (“.”, ){6}“.” \(in “(三国演义|红楼梦)”\), which it would print as “\?”\. Export SVG or PNG instead/);
    for (const c of '三国演义红楼梦') expect(refusal).toContain(`“${c}”`);
    await expect(fixtures.pdf('emoji', 'bar', { title: 'Accuracy 🙂 Ω' })).rejects.toThrow(/no glyph for “🙂” \(in “Accuracy 🙂 Ω”\)/);
  });

  it('logged no error and stayed on its origin', () => {
    fixtures.session().assertClean();
  });
});
