// Downloads of a table or a query result: CSV, JSON or Parquet, named after their source and licence.
import type { QueryResult } from '../types.ts';
import { toCsv } from './csv.ts';
import { toJson } from './json.ts';
import { exportFileName, provenanceMetadata, type ExportProvenance } from './provenance.ts';

export { toCsv, csvField } from './csv.ts';
export { toJson } from './json.ts';
export { exportFileName, licenseLabel, provenanceMetadata, type ExportProvenance } from './provenance.ts';

export type ExportFormat = 'csv' | 'json' | 'parquet';

export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'parquet', label: 'Parquet' },
];

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  parquet: 'application/vnd.apache.parquet',
};

/** The file for a result: its name and bytes. The Parquet writer is loaded only when asked for. */
export async function exportFile(
  result: Pick<QueryResult, 'columns' | 'rows'>,
  format: ExportFormat,
  provenance: ExportProvenance,
  site: string,
): Promise<{ name: string; blob: Blob }> {
  const name = exportFileName(provenance, format);
  if (format === 'csv') return { name, blob: new Blob([toCsv(result)], { type: MIME.csv }) };
  if (format === 'json') return { name, blob: new Blob([toJson(result)], { type: MIME.json }) };
  const { toParquet } = await import('./parquet.ts');
  return { name, blob: new Blob([toParquet(result, provenanceMetadata(provenance, site))], { type: MIME.parquet }) };
}
