// A message may name a page of this site by its hash route ("…chart them there: #/b/x/t"): where
// it is shown, that part becomes a link, so the reader can go there at once.

export interface TextPart {
  text: string;
  /** Set for a part that names a page: the href of its link (the route itself). */
  href?: string;
}

/** A route runs to the next space; a full stop, comma or bracket after it ends the sentence. */
const ROUTE = /#\/\S*[^\s.,;:)]/g;

/** The message cut into plain text and the site routes it names, in order. */
export function routeLinkParts(message: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of message.matchAll(ROUTE)) {
    if (match.index > at) parts.push({ text: message.slice(at, match.index) });
    parts.push({ text: match[0], href: match[0] });
    at = match.index + match[0].length;
  }
  if (at < message.length) parts.push({ text: message.slice(at) });
  return parts;
}
