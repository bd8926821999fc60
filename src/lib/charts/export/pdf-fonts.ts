// Fonts for the PDF export. jsPDF's standard fonts (Helvetica) are not embedded, which publishers'
// preflight checks refuse, and only encode WinAnsi ("Ω", "→" or "≤" cannot be written with them).
// Every chart PDF embeds DejaVu Sans instead (regular and bold, Bitstream Vera licence, see
// fonts/LICENSE-DejaVu.txt) as a subset; the font files are fetched only when a PDF is made.
import type { jsPDF } from 'jspdf';
import boldUrl from './fonts/DejaVuSans-Bold.ttf?url';
import regularUrl from './fonts/DejaVuSans.ttf?url';

/** The family name the SVG asks for, and under which the TTFs are registered with jsPDF. */
export const EMBEDDED_FAMILY = 'DejaVu Sans';

/** Text nodes of the chart: the leaves that carry characters. */
export function textLeaves(svg: SVGSVGElement): Element[] {
  return [...svg.querySelectorAll('text, tspan')].filter((node) => node.children.length === 0 && node.textContent);
}

/** Fetches DejaVu Sans (both weights) and registers it with the document. */
export async function embedUnicodeFont(pdf: jsPDF): Promise<void> {
  const [regular, bold] = await Promise.all([fetchBinary(regularUrl), fetchBinary(boldUrl)]);
  // The four-argument form: given a weight as well, jsPDF would register the style "boldbold".
  pdf.addFileToVFS('DejaVuSans.ttf', regular);
  pdf.addFont('DejaVuSans.ttf', EMBEDDED_FAMILY, 'normal', 'Identity-H');
  pdf.addFileToVFS('DejaVuSans-Bold.ttf', bold);
  pdf.addFont('DejaVuSans-Bold.ttf', EMBEDDED_FAMILY, 'bold', 'Identity-H');
}

/**
 * The characters of the chart's text that the embedded font has no glyph for (CJK, emoji), each
 * with the first label it is in: drawn, they would come out as "?" or empty boxes. A character
 * counts as shown only if both weights have it (the bold face covers a little less).
 */
export function unshownCharacters(svg: SVGSVGElement, pdf: jsPDF): { char: string; label: string }[] {
  const faces = [embeddedFace(pdf, 'normal'), embeddedFace(pdf, 'bold')];
  // jsPDF writes one glyph per UTF-16 code unit, so characters beyond the BMP cannot be shown either.
  const shown = (c: string) => c.length === 1 && faces.every((face) => face.characterToGlyph(c.charCodeAt(0)) !== 0);
  const unshown = new Map<string, string>();
  for (const node of textLeaves(svg)) {
    const label = node.textContent ?? '';
    for (const c of label) if (!shown(c) && !unshown.has(c)) unshown.set(c, label);
  }
  return [...unshown].map(([char, label]) => ({ char, label }));
}

/** Points every element at the embedded family (Plot also sets font-family in inline styles). */
export function useEmbeddedFamily(svg: SVGSVGElement): void {
  const family = `'${EMBEDDED_FAMILY}'`;
  for (const node of [svg, ...svg.querySelectorAll('*')]) {
    if (node.hasAttribute('font-family')) node.setAttribute('font-family', family);
    if (node instanceof SVGElement && node.style.fontFamily) node.style.fontFamily = family;
  }
}

interface GlyphLookup {
  /** Glyph index of a UTF-16 code unit in the font; 0 (.notdef) when the font lacks it. */
  characterToGlyph(code: number): number;
}

function embeddedFace(pdf: jsPDF, style: 'normal' | 'bold'): GlyphLookup {
  // jsPDF parses a TTF when it is added; getFont() only answers for the selected font, so the
  // embedded face is selected for the lookup and the previous font restored after.
  const current = pdf.getFont();
  pdf.setFont(EMBEDDED_FAMILY, style);
  const metadata = pdf.getFont().metadata as GlyphLookup;
  pdf.setFont(current.fontName, current.fontStyle);
  return metadata;
}

/** A font file as a binary string: the form jsPDF's virtual file system stores. */
async function fetchBinary(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the PDF font ${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return chunks.join('');
}
