// PNG: the paper SVG drawn on a canvas at `scale` × 96 px per inch (1–3×, or 300 and 600 dpi), its dpi written in.
import { pngSize, type PaperPreset } from './preset.ts';
import { pixelsPerMetre, withPhysicalSize } from './png-phys.ts';
import { paperHeightIn, svgText } from './svg.ts';

/** `svg`: the chart drawn for paper (renderForPaper with the same preset); it is changed here. */
export async function chartToPng(p: PaperPreset, scale: number, svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = pngSize(p, scale, paperHeightIn(svg));
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on a canvas, so it cannot make a PNG.');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    const drawn = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'),
    );
    const png = withPhysicalSize(new Uint8Array(await drawn.arrayBuffer()), pixelsPerMetre(scale));
    return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}
