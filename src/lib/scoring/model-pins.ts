// Pins of the registry's models (model-pins.json, written by `npm run pin-models` from the hub's
// API): the commit to load each repo at and the size of the files the scorer loads. A repo without
// a pin loads from the branch "main" and says so (revisionPinned: false); its size stays unknown
// rather than guessed.
import pinsFile from './model-pins.json';
import { modelFiles } from './model-files.ts';
import type { ModelSpec } from './types.ts';

export interface PinnedFile {
  size: number;
  /** sha256 of the content when the hub stores the file in LFS (the weights), else null. */
  sha256: string | null;
}

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

/** Revision, pinned flag and download size of a repo's model in a dtype, from its pin if any. */
export function pinOf(
  repo: string,
  dtype: ModelSpec['dtype'],
  pins: ModelPins = MODEL_PINS,
): Pick<ModelSpec, 'revision' | 'revisionPinned' | 'sizeBytes'> {
  const pin = pins[repo];
  if (!pin || !COMMIT_HASH.test(pin.revision)) return { revision: 'main', revisionPinned: false, sizeBytes: null };
  const sizes = modelFiles(dtype).map((f) => pin.files[f]?.size);
  const sizeBytes = sizes.every((s): s is number => typeof s === 'number') ? sizes.reduce((a, b) => a + b, 0) : null;
  return { revision: pin.revision, revisionPinned: true, sizeBytes };
}
