/** Minimal glob for source lists: `**` spans folders, `*` stays within one, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function matchGlobs(globs: string[], paths: string[]): { matched: string[]; unmatched: string[] } {
  const matched = new Set<string>();
  const unmatched: string[] = [];
  for (const g of globs) {
    const re = globToRegExp(g);
    const hits = paths.filter((p) => re.test(p));
    if (!hits.length) unmatched.push(g);
    hits.forEach((h) => matched.add(h));
  }
  return { matched: [...matched].sort(), unmatched };
}
