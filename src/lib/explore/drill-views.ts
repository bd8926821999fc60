// Queries behind the drill-down reading views (a question's evidence with its turns).
import type { DbClient } from '../db/client.ts';

export interface EvidenceSegment {
  /** Share of noise sessions in the documents the segment id belongs to: ids are numbered per noise level. */
  noise: number;
  segmentId: string;
  rank: number;
  /** Only noise-0 documents are shipped: at other noise levels these are null and there are no turns. */
  document: string | null;
  session: string | null;
  datetime: string | null;
  partner: string | null;
  turns: { index: number; role: string; content: string }[];
}

/**
 * A PersonaBench question's evidence segments per noise level (noise 0 first, best rank first), the
 * noise-0 ones with their turns. Segment ids are numbered per noise level, so an id at noise 0.3 is
 * another session than the same id at noise 0: only noise-0 ids are joined to the shipped documents.
 */
export async function personabenchEvidence(db: Pick<DbClient, 'query'>, qId: string, signal?: AbortSignal): Promise<EvidenceSegment[]> {
  const { rows } = await db.query(
    `WITH ev AS (
       SELECT noise_ratio, segment_id, min(evidence_rank) AS rank
       FROM personabench.evidence WHERE q_id = $1 GROUP BY noise_ratio, segment_id)
     SELECT ev.noise_ratio, ev.segment_id, ev.rank, s.document, s.session, s.datetime, s.partner, t.turn_index, t.role, t.content
     FROM ev
       LEFT JOIN personabench.segments s ON ev.noise_ratio = 0 AND s.segment_id = ev.segment_id
       LEFT JOIN personabench.turns t ON ev.noise_ratio = 0 AND t.segment_id = ev.segment_id
     ORDER BY ev.noise_ratio, ev.rank, ev.segment_id, t.turn_index`,
    { params: [qId], signal },
  );
  const segments = new Map<string, EvidenceSegment>();
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  for (const r of rows) {
    const key = `${r.noise_ratio}/${r.segment_id}`;
    let seg = segments.get(key);
    if (!seg) {
      seg = {
        noise: Number(r.noise_ratio),
        segmentId: String(r.segment_id),
        rank: Number(r.rank),
        document: text(r.document),
        session: text(r.session),
        datetime: text(r.datetime),
        partner: text(r.partner),
        turns: [],
      };
      segments.set(key, seg);
    }
    if (r.turn_index !== null) seg.turns.push({ index: Number(r.turn_index), role: String(r.role ?? ''), content: String(r.content ?? '') });
  }
  return [...segments.values()];
}
