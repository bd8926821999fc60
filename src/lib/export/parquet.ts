// Parquet written in the browser (hyparquet-writer): one column per result column, typed from the
// values (whole numbers that fit → INT32, other numbers → DOUBLE, booleans, text → UTF-8 strings),
// with the provenance as key-value metadata.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import type { CellValue, QueryResult } from '../types.ts';

function columnType(values: CellValue[]): BasicType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'STRING';
  if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  if (present.every((v) => typeof v === 'number')) {
    const ints = present.every((v) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31 - 1);
    return ints ? 'INT32' : 'DOUBLE';
  }
  return 'STRING';
}

export function toParquet(result: Pick<QueryResult, 'columns' | 'rows'>, metadata: { key: string; value: string }[] = []): ArrayBuffer {
  const columnData = result.columns.map((c) => {
    const values = result.rows.map((r) => r[c.name] ?? null);
    const type = columnType(values);
    // Mixed kinds in one column (rare: JSON-typed cells) are written as text.
    const data = type === 'STRING' ? values.map((v) => (v === null ? null : String(v))) : values;
    return { name: c.name, data, type };
  });
  return parquetWriteBuffer({ columnData, kvMetadata: metadata, createdBy: 'Personascope (hyparquet-writer)' });
}
