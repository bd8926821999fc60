// How many rows a list of problems stops, as the summaries say it: one row can have several
// errors (an empty question and an empty response), and a file-level problem is not a row.
import type { RowIssue } from './types.ts';

export interface IssueCounts {
  /** Distinct rows with at least one error. */
  rowsNotScored: number;
  /** Errors about the file as a whole (no line, no id). */
  fileProblems: number;
  warnings: number;
}

export function countIssues(issues: readonly RowIssue[]): IssueCounts {
  const rows = new Set<string>();
  let fileProblems = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.level === 'warning') warnings++;
    else if (i.line == null && i.id == null) fileProblems++;
    else rows.add(`${i.line ?? ''}\u0000${i.id ?? ''}`);
  }
  return { rowsNotScored: rows.size, fileProblems, warnings };
}
