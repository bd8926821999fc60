// A models folder the user picked (<input type=file webkitdirectory>): its files by path relative to
// the folder, laid out like the hub ("<owner>/<name>/config.json", "<owner>/<name>/onnx/…"), and
// which files a set of models still lacks, so a wrong folder is named before anything loads.
import { modelFiles } from './model-files.ts';
import type { ModelSpec } from './types.ts';

export interface PickedFolder {
  folderName: string;
  files: Record<string, Blob>;
}

/** Files → paths relative to the picked folder (the browser prefixes each with the folder's name). */
export function pickedFolder(files: readonly File[]): PickedFolder {
  const out: Record<string, Blob> = {};
  let folderName = '';
  for (const f of files) {
    const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    const slash = rel.indexOf('/');
    if (slash > 0 && !folderName) folderName = rel.slice(0, slash);
    out[slash > 0 ? rel.slice(slash + 1) : rel] = f;
  }
  return { folderName: folderName || 'chosen folder', files: out };
}

/** The files transformers.js reads for a model, as paths in the folder. */
export function neededFiles(spec: Pick<ModelSpec, 'repo' | 'dtype'>): string[] {
  return modelFiles(spec.dtype).map((f) => `${spec.repo}/${f}`);
}

/** Paths the folder lacks for these models (empty: all there). */
export function missingFiles(folder: PickedFolder, specs: readonly Pick<ModelSpec, 'repo' | 'dtype'>[]): string[] {
  return specs.flatMap(neededFiles).filter((p) => !(p in folder.files));
}
