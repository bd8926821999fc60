// The generated fixture models standing in for the registry's real models: the Score page offers
// only registry models, so tests serve the fixtures under the real repo ids, from a local server
// laid out like the Hugging Face hub (or a picked folder laid out the same way).
import path from 'node:path';
import { MODELS } from '../../src/lib/scoring/registry.ts';
import { serveHub, type HubServer } from '../../scripts/hub-server.ts';
import { FIXTURE_MODELS_DIR } from '../fixtures/models/fixtures.ts';

export const fixtureModel = (name: string) => path.join(FIXTURE_MODELS_DIR, 'personascope-fixtures', name);

/** Registry repo id → the fixture model that stands in for it. */
export const STAND_INS: Record<string, string> = {
  [MODELS['nli-deberta-v3-xsmall'].repo]: 'tiny-nli',
  [MODELS['ms-marco-MiniLM-L-6-v2'].repo]: 'tiny-relevance',
  [MODELS['toxic-bert'].repo]: 'tiny-toxicity',
  [MODELS['all-MiniLM-L6-v2'].repo]: 'tiny-embedding',
};

export function serveFixtureHub(): Promise<HubServer> {
  return serveHub(Object.fromEntries(Object.entries(STAND_INS).map(([repo, name]) => [repo, fixtureModel(name)])));
}
