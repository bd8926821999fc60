// Queries behind the drill-down reading views (a question's evidence with its turns).
import type { DbClient } from '../db/client.ts';

export interface EvidenceSegment {
  segmentId: string;
  rank: number;
  noiseRatios: string;
  document: string | null;
  session: string | null;
  datetime: string | null;
  partner: string | null;
  turns: { index: number; role: string; content: string }[];
}

/** A PersonaBench question's evidence segments (over all noise ratios, best rank first), each with its turns. */
export async function personabenchEvidence(db: Pick<DbClient, 'query'>, qId: string, signal?: AbortSignal): Promise<EvidenceSegment[]> {
  const { rows } = await db.query(
    `WITH ev AS (
       SELECT segment_id, min(evidence_rank) AS rank,
         string_agg(DISTINCT CAST(noise_ratio AS VARCHAR), ', ' ORDER BY CAST(noise_ratio AS VARCHAR)) AS noise
       FROM personabench.evidence WHERE q_id = $1 GROUP BY segment_id)
     SELECT ev.segment_id, ev.rank, ev.noise, s.document, s.session, s.datetime, s.partner, t.turn_index, t.role, t.content
     FROM ev LEFT JOIN personabench.segments s USING (segment_id) LEFT JOIN personabench.turns t USING (segment_id)
     ORDER BY ev.rank, ev.segment_id, t.turn_index`,
    { params: [qId], signal },
  );
  const segments = new Map<string, EvidenceSegment>();
  for (const r of rows) {
    const id = String(r.segment_id);
    let seg = segments.get(id);
    if (!seg) {
      seg = {
        segmentId: id,
        rank: Number(r.rank),
        noiseRatios: String(r.noise ?? ''),
        document: r.document === null ? null : String(r.document),
        session: r.session === null ? null : String(r.session),
        datetime: r.datetime === null ? null : String(r.datetime),
        partner: r.partner === null ? null : String(r.partner),
        turns: [],
      };
      segments.set(id, seg);
    }
    if (r.turn_index !== null) seg.turns.push({ index: Number(r.turn_index), role: String(r.role ?? ''), content: String(r.content ?? '') });
  }
  return [...segments.values()];
}
