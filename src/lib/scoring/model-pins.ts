// Pins of the registry's models (model-pins.json, written by `npm run pin-models` from the hub's
// API): the commit to load each repo at, and the size and hash of each file the scorer loads, which
// downloads are checked against (file-integrity.ts). A repo without a pin loads from the branch
// "main" and says so (revisionPinned: false); its size stays unknown rather than guessed.
import pinsFile from './model-pins.json';
import { modelFiles } from './model-files.ts';
import type { ModelSpec, PinnedFile } from './types.ts';

export interface ModelPin {
  /** The commit hash (40 hex digits) of the repo. */
  revision: string;
  /** When the hub was asked (ISO date). */
  checkedAt: string;
  /** Files the scorer loads, by path in the repo. */
  files: Record<string, PinnedFile>;
}

export type ModelPins = Record<string, ModelPin>;

export const COMMIT_HASH = /^[0-9a-f]{40}$/;

export const MODEL_PINS: ModelPins = (pinsFile as { pins: ModelPins }).pins;

export type PinFields = Pick<ModelSpec, 'revision' | 'revisionPinned' | 'sizeBytes' | 'pinnedFiles'>;

/** The pin fields of a model loaded from a branch: nothing known, nothing checked. */
export function unpinned(revision = 'main'): PinFields {
  return { revision, revisionPinned: false, sizeBytes: null, pinnedFiles: null };
}

/** Revision, pinned flag, download size and expected files of a repo's model in a dtype, from its pin if any. */
export function pinOf(repo: string, dtype: ModelSpec['dtype'], pins: ModelPins = MODEL_PINS): PinFields {
  const pin = pins[repo];
  if (!pin || !COMMIT_HASH.test(pin.revision)) return unpinned();
  const listed = modelFiles(dtype).map((f) => [f, pin.files[f]] as const);
  const known = listed.filter((e): e is readonly [string, PinnedFile] => e[1] !== undefined);
  const sizeBytes = known.length === listed.length ? known.reduce((a, [, f]) => a + f.size, 0) : null;
  return { revision: pin.revision, revisionPinned: true, sizeBytes, pinnedFiles: Object.fromEntries(known) };
}
