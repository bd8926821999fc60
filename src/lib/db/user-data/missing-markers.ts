// Columns read as text only because some cells hold a missing-value marker ("NA" as R writes it,
// "N/A", "null", "-"): they sort as text and get no range filter. The upload says so, rather than
// guessing that "NA" is missing (it may be a region, a label); the user decides.
import type { Engine } from '../client.ts';
import { quoteIdent } from '../sql-text.ts';

const MARKERS = ['NA', 'N/A', 'NaN', 'null', 'NULL', 'None', '-', '.', ''];

/** For each text column whose other cells are all numbers, a note naming the markers it holds. */
export async function numbersWithMissingMarkers(engine: Engine, table: string, columns: { name: string; type: string }[]): Promise<string[]> {
  const text = columns.filter((x) => x.type === 'VARCHAR');
  if (text.length === 0) return [];
  const list = MARKERS.map((m) => `'${m.replaceAll("'", "''")}'`).join(', ');
  // One pass over the upload for every text column (a NULL cell fails each filter, so it counts nowhere).
  const counts = text.flatMap((c, i) => {
    const v = `trim(${quoteIdent(c.name)})`;
    return [
      `count(*) FILTER (WHERE ${v} IN (${list})) AS markers_${i}`,
      `count(*) FILTER (WHERE ${v} NOT IN (${list}) AND TRY_CAST(${v} AS DOUBLE) IS NULL) AS words_${i}`,
      `count(*) FILTER (WHERE ${v} NOT IN (${list})) AS numbers_${i}`,
      `string_agg(DISTINCT ${v}, ', ') FILTER (WHERE ${v} IN (${list})) AS seen_${i}`,
    ];
  });
  const [r] = (await engine.run(`SELECT ${counts.join(', ')} FROM mine.${quoteIdent(table)}`)).rows;
  const notes: string[] = [];
  for (const [i, c] of text.entries()) {
    const col = quoteIdent(c.name);
    const markers = Number(r[`markers_${i}`]);
    if (markers > 0 && Number(r[`words_${i}`]) === 0 && Number(r[`numbers_${i}`]) > 0) {
      notes.push(
        `${c.name} holds numbers and ${markers} cell${markers === 1 ? '' : 's'} of “${String(r[`seen_${i}`])}”, so it was read as text (it sorts as text and has no range filter). ` +
          `Leave those cells empty in the file, or query it as TRY_CAST(${col} AS DOUBLE).`,
      );
    }
  }
  return notes;
}
