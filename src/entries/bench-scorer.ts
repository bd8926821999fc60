// Bench page (bench-scorer.html): exposes the app's scorer client, running the same worker bundle
// as the Score page, for scripts/bench-scoring to drive with page.evaluate. A separate entry:
// nothing of it ships with the site's pages, and it does nothing on its own.
import { ScorerClient } from '../lib/scoring/client.ts';

(window as unknown as { __scorer: ScorerClient }).__scorer = new ScorerClient();
document.getElementById('bench-scorer')!.dataset.ready = 'true';
