// Drill-down: from a row of one table to the rows of another that belong to it (a persona → its
// questions, a question → its evidence, an evidence segment → its turns). Each link is a table page
// opened with a filter, so it is an ordinary shareable URL.
import { tableStateHref, type TableViewState } from '../state/url-state.ts';
import type { CellValue } from '../types.ts';

interface DrillLink {
  /** "schema.table" the row comes from. */
  from: string;
  /** Column of that row whose value selects the target rows. */
  column: string;
  /** Benchmark id and table of the target, and the target's column matched. */
  to: { benchmark: string; table: string; column: string; sort?: TableViewState['sort'] };
  label: string;
  /** Only rows for which this holds have the link (the target holds only some of them). */
  when?: (row: Record<string, CellValue>) => boolean;
}

// PersonaBench numbers segments per noise level and ships only the noise-0 documents: an evidence
// row at noise 0.3 names a session of another document than the shipped segment of the same id.
const shippedSegment = (row: Record<string, CellValue>) => row.document_shipped === true;

const LINKS: DrillLink[] = [
  { from: 'personagym.personas', column: 'persona_id', to: { benchmark: 'personagym', table: 'questions', column: 'persona_id', sort: { column: 'task', desc: false } }, label: 'Its questions, by task' },
  { from: 'personagym.questions', column: 'persona_id', to: { benchmark: 'personagym', table: 'personas', column: 'persona_id' }, label: 'The persona' },
  { from: 'personabench.questions', column: 'q_id', to: { benchmark: 'personabench', table: 'evidence', column: 'q_id', sort: { column: 'evidence_rank', desc: false } }, label: 'Its evidence segments' },
  { from: 'personabench.evidence', column: 'segment_id', to: { benchmark: 'personabench', table: 'turns', column: 'segment_id', sort: { column: 'turn_index', desc: false } }, label: 'The segment’s turns', when: shippedSegment },
  { from: 'personabench.evidence', column: 'segment_id', to: { benchmark: 'personabench', table: 'segments', column: 'segment_id' }, label: 'The segment', when: shippedSegment },
  { from: 'personabench.segments', column: 'segment_id', to: { benchmark: 'personabench', table: 'turns', column: 'segment_id', sort: { column: 'turn_index', desc: false } }, label: 'Its turns' },
  { from: 'personabench.questions', column: 'person_id', to: { benchmark: 'personabench', table: 'people', column: 'person_id' }, label: 'The person' },
  { from: 'personalized_judge.personas', column: 'persona_id', to: { benchmark: 'personalized-judge', table: 'judgments', column: 'persona_id' }, label: 'Judgments of items for this persona' },
  { from: 'personalized_judge.judgments', column: 'persona_id', to: { benchmark: 'personalized-judge', table: 'personas', column: 'persona_id' }, label: 'The persona' },
  { from: 'synthetic_persona_chat.conversations', column: 'conversation_id', to: { benchmark: 'synthetic-persona-chat', table: 'utterances', column: 'conversation_id', sort: { column: 'turn_index', desc: false } }, label: 'Its utterances' },
  { from: 'synthetic_persona_chat.utterances', column: 'conversation_id', to: { benchmark: 'synthetic-persona-chat', table: 'conversations', column: 'conversation_id' }, label: 'The conversation (as a dialogue)' },
  { from: 'papi.answers', column: 'item_no', to: { benchmark: 'papi', table: 'items', column: 'item_no' }, label: 'The item' },
  { from: 'papi.answers', column: 'subject_id', to: { benchmark: 'papi', table: 'subjects', column: 'subject_id' }, label: 'The subject' },
  { from: 'papi.items', column: 'item_no', to: { benchmark: 'papi', table: 'answers', column: 'item_no' }, label: 'Its answers' },
];

export interface RowLink {
  label: string;
  href: string;
}

/** Links from one row of `qualified` to the rows behind it. */
export function drillLinks(qualified: string, row: Record<string, CellValue>): RowLink[] {
  return LINKS.filter((l) => l.from === qualified && row[l.column] !== null && row[l.column] !== undefined && (l.when?.(row) ?? true)).map((l) => ({
    label: l.label,
    href: tableStateHref(`/b/${encodeURIComponent(l.to.benchmark)}/${encodeURIComponent(l.to.table)}`, {
      facets: { [l.to.column]: [String(row[l.column])] },
      sort: l.to.sort ?? null,
    }),
  }));
}
