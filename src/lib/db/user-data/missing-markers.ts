// Columns read as text only because some cells hold a missing-value marker ("NA" as R writes it,
// "N/A", "null", "-"): they sort as text and get no range filter. The upload says so, rather than
// guessing that "NA" is missing (it may be a region, a label); the user decides.
import type { Engine } from '../client.ts';
import { quoteIdent } from '../sql-text.ts';

const MARKERS = ['NA', 'N/A', 'NaN', 'null', 'NULL', 'None', '-', '.', ''];

/** For each text column whose other cells are all numbers, a note naming the markers it holds. */
export async function numbersWithMissingMarkers(engine: Engine, table: string, columns: { name: string; type: string }[]): Promise<string[]> {
  const notes: string[] = [];
  const list = MARKERS.map((m) => `'${m.replaceAll("'", "''")}'`).join(', ');
  for (const c of columns.filter((x) => x.type === 'VARCHAR')) {
    const col = quoteIdent(c.name);
    const { rows } = await engine.run(
      `SELECT count(*) FILTER (WHERE trim(${col}) IN (${list})) AS markers,
              count(*) FILTER (WHERE trim(${col}) NOT IN (${list}) AND TRY_CAST(trim(${col}) AS DOUBLE) IS NULL) AS words,
              count(*) FILTER (WHERE trim(${col}) NOT IN (${list})) AS numbers,
              string_agg(DISTINCT trim(${col}), ', ') FILTER (WHERE trim(${col}) IN (${list})) AS seen
       FROM mine.${quoteIdent(table)} WHERE ${col} IS NOT NULL`,
    );
    const r = rows[0];
    if (Number(r.markers) > 0 && Number(r.words) === 0 && Number(r.numbers) > 0) {
      notes.push(
        `${c.name} holds numbers and ${Number(r.markers)} cell${Number(r.markers) === 1 ? '' : 's'} of “${String(r.seen)}”, so it was read as text (it sorts as text and has no range filter). ` +
          `Leave those cells empty in the file, or query it as TRY_CAST(${col} AS DOUBLE).`,
      );
    }
  }
  return notes;
}
