// How every message names a row: "line 12 (id a7)" for a file's row, "item q2·model-b" for pasted input.
import type { ScoreInput } from './types.ts';

export function rowName(input: Pick<ScoreInput, 'id' | 'line'>): string {
  return input.line != null ? `line ${input.line} (id ${input.id})` : `item ${input.id}`;
}
