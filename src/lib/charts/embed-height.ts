// The embed's height, told to the page that holds it. An iframe cannot size itself: the embed page
// posts { type: EMBED_HEIGHT, height } to its parent on load and whenever its document's height
// changes (a narrower column wraps the title and labels, so the chart grows taller), and the script
// in the snippet "Copy embed code" gives sets the iframe's height from it (embed-snippet.ts).
export const EMBED_HEIGHT = 'personascope:embed-height';

export interface EmbedHeightMessage {
  type: typeof EMBED_HEIGHT;
  height: number;
}

/** The tallest height a host accepts from the message (CSS px): past it, a bad message, not a chart. */
export const MAX_EMBED_HEIGHT = 10_000;

/**
 * Posts the document's height to `parent` now and on every change; returns a stop function. The
 * height is of the html element's box (the content), not scrollHeight, which never drops below the
 * frame's own height and so could never let the iframe shrink.
 */
export function reportHeight(doc: Document, parent: Window): () => void {
  let last = -1;
  const post = () => {
    const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    if (height === last || height <= 0) return;
    last = height;
    const message: EmbedHeightMessage = { type: EMBED_HEIGHT, height };
    // Any origin may hold the embed, and a height is no secret.
    parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(doc.documentElement);
  post();
  return () => observer.disconnect();
}
