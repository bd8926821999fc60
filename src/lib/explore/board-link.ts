// What a leaderboard link asked for against what can be shown. A hand-edited or stale link (a typo, a
// board of an upload since deleted) must not silently become another board: the parts the link names
// that the shown board does not match are listed, so the page can say so and leave the link as typed.
import { chooseBoard } from './board-choice.ts';
import type { BoardKey, BoardOption } from './results-service.ts';

export type BoardPart = keyof BoardKey;

export interface ResolvedBoard {
  key: BoardKey;
  /** Parts the link names that the shown board does not have (empty: the link is honoured). */
  missing: BoardPart[];
}

const PARTS: BoardPart[] = ['benchmark', 'metric', 'subset'];

/** The board to show for what a link names, with the named parts it could not honour. */
export function resolveBoard(options: readonly Pick<BoardOption, keyof BoardKey | 'models'>[], want: Partial<BoardKey>): ResolvedBoard | null {
  const key = chooseBoard(options, want);
  if (!key) return null;
  return { key, missing: PARTS.filter((p) => want[p] !== undefined && want[p] !== key[p]) };
}

/** The notice for a link that named a board not here; null when it was honoured. */
export function boardNotice(want: Partial<BoardKey>, r: ResolvedBoard): string | null {
  if (r.missing.length === 0) return null;
  const named = r.missing.map((p) => (p === 'subset' && want.subset === '' ? 'no subset' : `${p} “${want[p]}”`)).join(', ');
  const found = PARTS.filter((p) => want[p] !== undefined && !r.missing.includes(p)).map((p) => want[p]);
  const where = found.length ? ` in ${found.join(' · ')}` : '';
  // Upload boards (benchmark mine:<table>) exist only while that upload is kept in this browser.
  const upload = (want.benchmark ?? '').startsWith('mine:') ? ' It is the board of an upload that is not in this browser (deleted, or uploaded elsewhere).' : '';
  return `This link names ${named}${where}, which no leaderboard has.${upload} Showing ${r.key.benchmark} · ${r.key.metric} · ${r.key.subset || '(no subset)'} instead; the link stays as it was until you pick a board.`;
}

/**
 * The board a page's URL names (benchmark, metric, subset; a benchmark page passes its own), with the
 * notice for what it could not honour.
 */
export function boardFromQuery(
  options: readonly Pick<BoardOption, keyof BoardKey | 'models'>[],
  q: URLSearchParams,
  benchmark = q.get('benchmark') ?? undefined,
): { board: BoardKey | null; notice: string | null } {
  const want = { benchmark, metric: q.get('metric') ?? undefined, subset: q.get('subset') ?? undefined };
  const r = resolveBoard(options, want);
  return { board: r?.key ?? null, notice: r ? boardNotice(want, r) : null };
}
