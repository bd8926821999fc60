// Numbers written with a decimal comma ("0,5"), as spreadsheets export them where the comma marks
// decimals and ";" separates fields: DuckDB reads such a column as text, so it cannot be a result
// value. In a ";" file, a text column whose every value is such a number (or a whole number) is
// turned into numbers; a column with any other value ("1,234,5", "n/a") stays text as written.
import type { Engine } from '../client.ts';
import { quoteIdent, quoteLiteral } from '../sql-text.ts';

const FITS = '-?[0-9]+(,[0-9]+)?';
const HAS_COMMA = '-?[0-9]+,[0-9]+';

/**
 * Reads as DOUBLE each text column of mine.<table> (from a file whose fields `delimiter` separates) that
 * holds numbers with decimal commas and nothing else; returns a note for each column changed.
 */
export async function readDecimalCommas(
  engine: Engine,
  table: string,
  delimiter: string | null,
  columns: { name: string; type: string }[],
): Promise<string[]> {
  const text = columns.filter((c) => c.type === 'VARCHAR');
  // With "," as the delimiter a comma inside a value is quoted text ("1,234" may be a thousands separator).
  if (delimiter !== ';' || text.length === 0) return [];
  const qualified = `mine.${quoteIdent(table)}`;
  // One pass over the upload for every text column (a NULL cell counts nowhere).
  const counts = text.flatMap((c, i) => {
    const v = quoteIdent(c.name);
    return [
      `count(*) FILTER (WHERE NOT regexp_full_match(${v}, ${quoteLiteral(FITS)})) AS misfits_${i}`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, ${quoteLiteral(HAS_COMMA)})) AS commas_${i}`,
      `min(${v}) FILTER (WHERE regexp_full_match(${v}, ${quoteLiteral(HAS_COMMA)})) AS example_${i}`,
    ];
  });
  const [r] = (await engine.run(`SELECT ${counts.join(', ')} FROM ${qualified}`)).rows;
  const notes: string[] = [];
  for (const [i, c] of text.entries()) {
    if (Number(r[`misfits_${i}`]) > 0 || Number(r[`commas_${i}`]) === 0) continue;
    const v = quoteIdent(c.name);
    await engine.run(`ALTER TABLE ${qualified} ALTER COLUMN ${v} TYPE DOUBLE USING CAST(replace(${v}, ',', '.') AS DOUBLE)`);
    const example = String(r[`example_${i}`]);
    notes.push(
      `${c.name} was read as numbers with a decimal comma (“${example}” as ${example.replace(',', '.')}): the file separates fields with “;”, as spreadsheets do where the comma marks decimals.`,
    );
  }
  return notes;
}
