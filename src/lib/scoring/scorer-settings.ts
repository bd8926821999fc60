// The reviewer's scorer settings, kept in localStorage: where models come from (the hub, a mirror
// laid out like it, or a folder picked this visit), which NLI model, which scorers, the
// contradiction threshold, the threads (when the page is cross-origin isolated). Read back defensively: a bad stored value falls back to its default.
import { DEFAULT_CONTRADICTION_THRESHOLD } from './contradictions.ts';
import { DEFAULT_MODELS, MODELS, rolesFor, type ModelKey } from './registry.ts';
import { missingFiles, type PickedFolder } from './picked-folder.ts';
import { isThreadChoice, type ThreadChoice } from './threads.ts';
import type { ModelSpec, ScorerName, ScoringRole } from './types.ts';

export type SourceChoice = 'hub' | 'mirror' | 'folder';

export interface ScorerSettings {
  source: SourceChoice;
  /** Base URL of a mirror (hub layout: <base>/<repo>/resolve/<revision>/<file>). */
  mirrorUrl: string;
  nli: ModelKey;
  scorers: ScorerName[];
  contradictionThreshold: number;
  /** Threads for ONNX Runtime; used only where the page is cross-origin isolated (threads.ts). */
  threads: ThreadChoice;
}

export const ALL_SCORERS: ScorerName[] = ['apc', 'toxicity', 'contradictions', 'fit'];

export const SCORER_TITLES: Record<ScorerName, string> = {
  apc: 'APC persona faithfulness',
  toxicity: 'Toxicity',
  contradictions: 'Persona contradictions',
  fit: 'Persona–response fit',
};

export const DEFAULT_SETTINGS: ScorerSettings = {
  source: 'hub',
  mirrorUrl: '',
  nli: DEFAULT_MODELS.nli,
  scorers: [...ALL_SCORERS],
  contradictionThreshold: DEFAULT_CONTRADICTION_THRESHOLD,
  threads: 'auto',
};

const KEY = 'personascope.scorer-settings';

/** The NLI models a reviewer may choose between (fixtures are never offered). */
export function nliChoices(): { key: ModelKey; spec: ModelSpec }[] {
  return (Object.entries(MODELS) as [ModelKey, ModelSpec][]).filter(([, s]) => s.role === 'nli' && !s.fixtureOnly).map(([key, spec]) => ({ key, spec }));
}

/** Why a mirror URL cannot be used, or null when it can. */
export function mirrorUrlProblem(text: string): string | null {
  const t = text.trim();
  if (!t) return 'Enter the mirror’s base URL, e.g. https://models.example.org/ (files at <base>/<owner>/<model>/resolve/<revision>/<file>).';
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return `“${t}” is not a URL: it must start with https:// (or http:// for a server on this machine).`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `A mirror must be an http(s) URL, not ${url.protocol}`;
  if (url.search || url.hash) return 'The base URL must not have a ?query or #fragment.';
  return null;
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): ScorerSettings {
  let stored: Partial<ScorerSettings> = {};
  try {
    stored = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<ScorerSettings>;
  } catch {
    stored = {};
  }
  const s = { ...DEFAULT_SETTINGS };
  // A picked folder is gone after a reload: fall back to the hub rather than a source with no files.
  if (stored.source === 'hub' || stored.source === 'mirror') s.source = stored.source;
  if (typeof stored.mirrorUrl === 'string') s.mirrorUrl = stored.mirrorUrl;
  if (nliChoices().some((c) => c.key === stored.nli)) s.nli = stored.nli as ModelKey;
  if (Array.isArray(stored.scorers)) {
    const picked = ALL_SCORERS.filter((x) => stored.scorers!.includes(x));
    if (picked.length) s.scorers = picked;
  }
  const t = stored.contradictionThreshold;
  if (typeof t === 'number' && t >= 0 && t <= 1) s.contradictionThreshold = t;
  if (isThreadChoice(stored.threads)) s.threads = stored.threads;
  return s;
}

export function saveSettings(s: ScorerSettings, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage full or blocked: the settings still apply to this visit.
  }
}

/** The model key for each role the chosen scorers need. */
export function modelKeysFor(settings: Pick<ScorerSettings, 'nli' | 'scorers'>, roles: readonly ScoringRole[]): Partial<Record<ScoringRole, ModelKey>> {
  const out: Partial<Record<ScoringRole, ModelKey>> = {};
  for (const role of roles) out[role] = role === 'nli' ? settings.nli : DEFAULT_MODELS[role];
  return out;
}

/** The models the chosen scorers need, with their registry keys. */
export function modelsFor(settings: Pick<ScorerSettings, 'nli' | 'scorers'>): { key: ModelKey; spec: ModelSpec }[] {
  return Object.values(modelKeysFor(settings, rolesFor(settings.scorers))).map((key) => ({ key, spec: MODELS[key] }));
}

/** Why scoring cannot start with these settings (and this visit's picked folder), or null. */
export function settingsProblem(settings: ScorerSettings, folder: PickedFolder | null): string | null {
  if (settings.scorers.length === 0) return 'Choose at least one scorer under “Models and settings”.';
  if (settings.source === 'mirror') {
    const p = mirrorUrlProblem(settings.mirrorUrl);
    if (p) return `The mirror URL cannot be used: ${p}`;
  }
  if (settings.source === 'folder') {
    if (!folder) return 'Choose the models folder again (a folder is read for one visit only), or switch to the hub or a mirror.';
    const missing = missingFiles(folder, modelsFor(settings).map((m) => m.spec));
    if (missing.length) return `The chosen folder lacks ${missing.slice(0, 3).join(', ')}.`;
  }
  return null;
}
