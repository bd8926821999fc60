// The Score page on the real path: a local server laid out like the Hugging Face hub serves the
// generated fixture models under the registry's repo ids (the settings point the page at it as a
// mirror), so the real download, Cache API, worker and scoring code run in Chromium. Covers a pasted
// persona (directions of the scores), a 200-row file with bad rows, cancel, reload-and-resume, a
// crashed worker, offline with nothing cached, and that no request leaves this machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MODELS } from '../../src/lib/scoring/registry.ts';
import type { HubServer } from '../../scripts/hub-server.ts';
import { fixtureModel, STAND_INS } from '../fixtures/models/stand-ins.ts';
import { downloaded, isLocal, newSession, seriousAxeViolations, type Session } from './harness.ts';
import { closeHubSession, openHubSession } from './hub-session.ts';

let hub: HubServer;
let s: Session;

beforeAll(async () => ({ hub, s } = await openHubSession()));
afterAll(() => closeHubSession({ hub, s }));

async function useMirror(page: Page, url: string): Promise<void> {
  await page.locator('[data-scorer-settings] > summary').click();
  await page.locator('[data-mirror-url]').fill(url);
  await page.locator('[data-apply-mirror]').click();
  await page.locator('[data-scorer-settings] > summary').click();
}

async function waitPhase(page: Page, phase: RegExp, timeout = 90_000): Promise<string> {
  const el = page.locator('[data-run-phase]');
  await expect.poll(async () => ((await el.count()) ? await el.getAttribute('data-run-phase') : null), { timeout }).toMatch(phase);
  return (await el.getAttribute('data-run-phase'))!;
}

async function scored(page: Page): Promise<number> {
  const text = await page.locator('[data-progress-text]').innerText();
  return Number(/^([\d,]+) of/.exec(text)?.[1].replace(/,/g, '') ?? -1);
}

describe('scoring a pasted persona', () => {
  it('scores on the mirror, in the worker, with the right directions and no long main-thread task', async () => {
    const { page } = s;
    await s.open('#/score');
    await useMirror(page, hub.url);
    await page.locator('[data-persona]').fill('I love jazz.\nI enjoy hiking.\nI like cats.');
    expect(await page.locator('[data-statements]').inputValue()).toBe('I love jazz.\nI enjoy hiking.\nI like cats.');
    await page.locator('[data-model-name="0"]').fill('polite');
    await page.locator('[data-add-model]').click();
    await page.locator('[data-model-name="1"]').fill('rude');
    await page.locator('[data-add-question]').click();
    const q = page.locator('[data-question-text]');
    await q.nth(0).fill('Do you like jazz?');
    await q.nth(1).fill('What do you think of me?');
    await page.locator('[data-response="0-0"]').fill('Yes, I really love jazz every day.');
    await page.locator('[data-response="0-1"]').fill('I do not love jazz.');
    await page.locator('[data-response="1-0"]').fill('Thank you for asking, I love jazz.');
    await page.locator('[data-response="1-1"]').fill('You are a stupid idiot.');

    // Long tasks on the main thread while rows are scored: from the first scoring phase to the end
    // (charts are drawn only after the batch stops; setting up the results panel is not scoring).
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; startedAt: number | null; stoppedAt: number | null };
      w.longTasks = [];
      w.startedAt = null;
      w.stoppedAt = null;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.startTime, e.duration))).observe({ type: 'longtask' });
      new MutationObserver(() => {
        const phase = document.querySelector('[data-run-phase]')?.getAttribute('data-run-phase');
        if (w.startedAt === null && phase === 'scoring') w.startedAt = performance.now();
        if (w.stoppedAt === null && (phase === 'finished' || phase === 'failed')) w.stoppedAt = performance.now();
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-run-phase'], childList: true });
    });
    await page.locator('[data-score-paste]').click();
    expect(await waitPhase(page, /finished|failed/)).toBe('finished');

    const row = (id: string) => page.locator(`[data-row="${id}"]`);
    const num = async (id: string, cell: string) => Number(await row(id).locator(`[${cell}]`).innerText());
    expect(await num('q1·rude', 'data-contradiction-count')).toBeGreaterThanOrEqual(1);
    expect(await num('q1·polite', 'data-contradiction-count')).toBe(0);
    expect(await num('q2·rude', 'data-toxicity-max')).toBeGreaterThan(await num('q2·polite', 'data-toxicity-max'));
    // The most toxic first, then one model's rows only.
    const listedIds = () => page.locator('[data-score-rows] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')));
    await page.locator('[data-rows-order]').selectOption('toxicity_max:worst');
    expect((await listedIds())[0]).toMatch(/·rude$/);
    await page.locator('[data-rows-model]').selectOption('polite');
    expect(await listedIds()).toEqual(['q1·polite', 'q2·polite']);
    await page.locator('[data-rows-model]').selectOption('');
    await page.locator('[data-rows-order]').selectOption('input');

    // Explained down to the statement.
    await page.locator('[data-explain="q1·rude"]').click();
    const detail = page.locator('[data-detail="q1·rude"]');
    // It opens below the table: the focus goes there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-detail'))).toBe('q1·rude');
    expect(await detail.locator('[data-contradictions] li').first().innerText()).toMatch(/I love jazz\./);
    expect(await detail.locator('[data-apc-table] tbody tr').first().innerText()).toMatch(/^1\. I love jazz\./);
    expect(await page.locator('[data-apc-caveat]').innerText()).toMatch(/DeBERTa-v3-large/);

    // Charts after the batch, registered as mine.scores.
    await expect.poll(() => page.locator('[data-results] svg[role="img"], [data-results] figure svg').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('[data-score-message]').innerText(), { timeout: 90_000 }).toMatch(/mine\.scores \(4 rows\) and mine\.score_statements \(12 rows\)/);

    const { longTasks, startedAt, stoppedAt } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; startedAt: number; stoppedAt: number };
      return { longTasks: w.longTasks, startedAt: w.startedAt, stoppedAt: w.stoppedAt };
    });
    expect(startedAt).toBeGreaterThan(0);
    const during: number[] = [];
    for (let i = 0; i < longTasks.length; i += 2) if (longTasks[i] >= startedAt && longTasks[i] < stoppedAt) during.push(longTasks[i + 1]);
    expect(during, 'main-thread long tasks (ms) while scoring').toEqual([]);

    // The models came from the local hub, through the worker.
    expect(hub.requests).toContain(`/${MODELS['toxic-bert'].repo}/resolve/${MODELS['toxic-bert'].revision}/config.json`);
    expect(s.page.workers().some((w) => /scorer\.worker/.test(w.url()))).toBe(true);
    // Two models with two responses each: the comparison of their means, with intervals and tie groups.
    const comparison = page.locator('[data-chart="scores-apc_normalized-means"]');
    await comparison.locator('[data-chart-svg] svg').waitFor({ timeout: 30_000 });
    expect(await comparison.locator('g[data-mark="dot"] circle').count()).toBe(2);
    expect(await comparison.innerText()).toMatch(/95% percentile bootstrap CIs, 2,000 resamples, seed 1/);
    // The settings were opened (empty cache) before scoring: opened again, they list the downloads.
    await page.locator('[data-scorer-settings] > summary').click();
    await expect.poll(() => page.locator('[data-cache-list] li[data-cached="model"]').count(), { timeout: 30_000 }).toBe(4);
    await page.locator('[data-scorer-settings] > summary').click();
  });

  it('keeps the pasted text and the results across a reload, and lists the cached models', async () => {
    const { page } = s;
    await page.reload();
    expect(await page.locator('[data-response="1-1"]').inputValue()).toBe('You are a stupid idiot.');
    // Adding or removing a field keeps the keyboard focus there, not at the top of the page.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('id') ?? document.activeElement?.tagName);
    await page.locator('[data-add-question]').click();
    const third = await page.locator('[data-question-text]').nth(2).getAttribute('id');
    expect(await focused()).toBe(third);
    await page.getByRole('button', { name: 'Remove question 3' }).click();
    expect(await focused()).toBe(await page.locator('[data-question-text]').nth(1).getAttribute('id'));
    await expect.poll(() => page.locator('[data-score-rows] tbody tr').count(), { timeout: 30_000 }).toBe(4);
    await page.locator('[data-scorer-settings] > summary').click();
    await expect.poll(() => page.locator('[data-cache-list] li[data-cached="model"]').count(), { timeout: 30_000 }).toBe(4);
    expect(await page.locator('[data-cache-list]').innerText()).toMatch(/Xenova\/toxic-bert@main/);
    await page.locator('[data-free-models]').click();
    await expect.poll(() => page.locator('[data-scorer-settings]').innerText()).toMatch(/The models were unloaded from memory/);
    // Only a stopped worker gives WebAssembly memory back.
    await expect.poll(() => page.workers().some((w) => /scorer\.worker/.test(w.url()))).toBe(false);
    // A threshold outside 0–1 is refused with a message, and the one in force stays.
    await page.locator('[data-threshold]').fill('1.5');
    await page.locator('[data-threshold]').press('Enter');
    await page.locator('[data-threshold]').blur();
    expect(await page.locator('[data-threshold-error]').innerText()).toBe('1.5 is outside 0–1: the threshold is a probability between 0 and 1. It stays 0.5.');
    expect(await page.locator('[data-threshold]').inputValue()).toBe('0.5');
    await page.locator('[data-threshold]').fill('0.50');
    await page.locator('[data-threshold]').blur();
    expect(await page.locator('[data-threshold-error]').count()).toBe(0);
    await page.locator('[data-scorer-settings] > summary').click();
  });
});

describe('mine.scores', () => {
  it('answers SQL like any released table, from the link on the results', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Query mine.scores in SQL' }).click();
    await page.locator('[data-sql-editor] .cm-content').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const result = page.locator('[data-sql-result]');
    await expect.poll(() => result.count(), { timeout: 90_000 }).toBe(1);
    const cells = await result.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent?.trim())));
    expect(cells.map(([model, n]) => `${model}:${n}`).sort()).toEqual(['polite:2', 'rude:2']);
    await page.goBack();
    await page.locator('[data-results]').waitFor();
  });

  it('is listed under Your data as the Score page’s, without an upload’s delete button', async () => {
    const { page } = s;
    await page.goto(new URL('#/mine', page.url()).href);
    const card = page.locator('[data-user-table="mine.scores"]');
    await expect.poll(() => card.count(), { timeout: 60_000 }).toBe(1);
    expect(await card.innerText()).toMatch(/From your scoring jobs on the Score page · 4 rows/);
    expect(await card.locator('[data-app-table]').count()).toBe(1);
    expect(await card.getByRole('button', { name: /Delete/ }).count()).toBe(0);
    await page.goBack();
    await page.locator('[data-results]').waitFor();
  });
});

describe('a 200-row file', () => {
  function csv(): string {
    const lines = ['id,model,persona,question,response'];
    for (let i = 1; i <= 200; i++) {
      const model = i % 2 ? 'agent-a' : 'agent-b';
      // Each response its own text: repeated texts are scored once, which would make the batch end
      // before the test can cancel, reload or crash it.
      let response = i % 2 ? `Yes, I really love jazz every day (reply ${i}).` : `I do not love jazz (reply ${i}).`;
      if (i === 7) response = '';
      if (i === 9) response = 'I love jazz and hiking. '.repeat(9000); // ~200 kB
      lines.push(`r${i},${model},"I love jazz. I enjoy hiking. I like cats.",Do you like jazz?,"${response}"`);
    }
    return lines.join('\n') + '\n';
  }

  it('names bad rows, scores the rest, cancels, resumes after a reload, survives a worker crash', async () => {
    const { page } = s;
    await page.locator('[data-tab="file"]').click();
    await page.locator('[data-file-input]').setInputFiles({ name: 'reviews.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) });
    await expect.poll(() => page.locator('[data-batch-summary]').innerText(), { timeout: 60_000 }).toMatch(/200 data rows.*199 rows can be scored, 1 row cannot/s);
    const inputIssues = page.getByRole('region', { name: 'Responses to score' }).locator('[data-issues]');
    await expect.poll(() => inputIssues.innerText(), { timeout: 30_000 }).toMatch(/line 8 \(id r7\): the response is empty/);
    expect(await inputIssues.innerText()).toMatch(/line 10 \(id r9\): response has \d+ characters; only the first 20000 are scored/);

    // Cancel after a few rows: what was scored is kept.
    await page.locator('[data-score-file]').click();
    await expect.poll(() => scored(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(10);
    await page.locator('[data-cancel]').click();
    expect(await waitPhase(page, /cancelled/)).toBe('cancelled');
    const afterCancel = await scored(page);
    expect(afterCancel).toBeLessThan(199);

    // Resume, then reload mid-batch: the page offers to resume the interrupted batch.
    await page.locator('[data-resume]').click();
    await expect.poll(() => scored(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(afterCancel + 10);
    await page.reload();
    await expect.poll(() => page.locator('[data-interrupted]').count(), { timeout: 30_000 }).toBe(1);
    // The rows scored before the reload are shown again (the table is built off the main thread, so poll).
    await expect.poll(() => page.locator('[data-score-rows] tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // mine.scores already holds them (4 pasted rows before), not only once the batch stops again.
    const published = async () => Number(/mine\.scores \((\d+) rows\)/.exec(await page.locator('[data-score-message]').innerText())?.[1] ?? 0);
    await expect.poll(published, { timeout: 30_000 }).toBeGreaterThanOrEqual(4 + afterCancel + 10);
    await page.locator('[data-resume-job]').click();

    // Kill the worker mid-batch (once rows are being scored again, not while the models load: that
    // is another message): it is restarted, the user is told, and the batch goes on.
    await page.locator('[data-run-phase="scoring"]').waitFor({ timeout: 90_000 });
    const resumedAt = await scored(page);
    await expect.poll(() => scored(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(resumedAt + 3);
    const worker = page.workers().find((w) => /scorer\.worker/.test(w.url()))!;
    await worker.evaluate(() => setTimeout(() => {
      throw new Error('simulated crash');
    }));
    await expect.poll(() => page.locator('[data-notice]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-notice]').first().innerText()).toMatch(/The scorer worker crashed while scoring .* and was restarted/);
    expect(await waitPhase(page, /finished|failed/, 120_000)).toBe('finished');
    expect(await page.locator('[data-progress-text]').innerText()).toMatch(/^199 of 199 rows scored/);

    // Every row once, the long one with its truncation reported.
    const ids = new Set<string>();
    for (;;) {
      for (const id of await page.locator('[data-score-rows] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')!))) ids.add(id);
      const next = page.getByRole('button', { name: 'Next' });
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      await next.click();
    }
    expect(ids.size).toBe(199);
    expect(ids.has('r7')).toBe(false);
    await expect.poll(() => page.locator('[data-score-message]').innerText(), { timeout: 90_000 }).toMatch(/mine\.scores \(203 rows\)/);
    // The crash was thrown on purpose: its console error is expected, nothing else.
    s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !/simulated crash/.test(e)));
  });
});

describe('a file whose columns are named otherwise', () => {
  it('asks which column is which, applies each choice at once, remembers it, then scores with that mapping', async () => {
    const { page } = s;
    await page.locator('[data-tab="file"]').click();
    const lines = ['character,prompt,reply,agent', '"I love jazz.",Do you like jazz?,"Yes, I love jazz.",bot-1', '"I love jazz.",Do you like jazz?,"",bot-2', '"I love jazz.",Do you like jazz?,"I do not love jazz.",bot-2'];
    await page.locator('[data-file-input]').setInputFiles({ name: 'renamed.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await expect.poll(() => page.locator('[data-mapping]').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('[data-mapping]').innerText()).toMatch(/the file has no persona, question, response column/);
    // The mapping step and the results are readable in the dark theme too (the selects once were not).
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    for (const [target, column] of [['persona', 'character'], ['question', 'prompt'], ['response', 'agent'], ['model', 'agent']]) await page.locator(`[data-map="${target}"]`).selectOption(column);
    const summary = () => page.locator('[data-batch-summary]').innerText();
    await expect.poll(summary, { timeout: 30_000 }).toMatch(/3 data rows.*3 rows can be scored\./s);
    // A second thought, without any Apply: the rows to score follow the mapping shown.
    await page.locator('[data-map="response"]').selectOption('reply');
    await expect.poll(summary, { timeout: 30_000 }).toMatch(/3 data rows.*2 rows can be scored, 1 row cannot/s);
    await expect(page.locator('.batch [role="alert"]').count()).resolves.toBe(0);
    // The same kind of file dropped again is mapped as before.
    await page.locator('[data-file-input]').setInputFiles({ name: 'renamed-again.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await expect.poll(summary, { timeout: 30_000 }).toMatch(/renamed-again\.csv.*2 rows can be scored, 1 row cannot/s);
    expect(await page.locator('[data-map="response"]').inputValue()).toBe('reply');
    // Another tab and back: the file and its mapping are still there.
    await page.locator('[data-tab="paste"]').click();
    await page.locator('[data-tab="file"]').click();
    expect(await summary()).toMatch(/renamed-again\.csv.*2 rows can be scored, 1 row cannot/s);
    await page.locator('[data-score-file]').click();
    // The previous batch also finished: wait for this one's count.
    await expect.poll(() => page.locator('[data-progress-text]').innerText(), { timeout: 90_000 }).toMatch(/^2 of 2 rows scored/);
    const models = await page.locator('[data-score-rows] tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent?.trim()));
    expect(models.sort()).toEqual(['bot-1', 'bot-2']);
    await page.locator('[data-results] [data-chart-svg] svg').first().waitFor();
    await page.getByRole('button', { name: 'Explain' }).first().click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    // Deleting the batch shown shows the newest one left (the 200-row file), with the focus on the page.
    await page.getByRole('button', { name: 'Delete this batch' }).click();
    await expect.poll(() => page.locator('[data-results] h2').innerText(), { timeout: 30_000 }).toBe('Results: reviews.csv');
    await expect.poll(() => page.evaluate(() => document.activeElement !== document.body), { timeout: 2_000 }).toBe(true);
    await expect.poll(() => page.locator('[data-score-message]').innerText(), { timeout: 30_000 }).toMatch(/mine\.scores \(203 rows\)/);
  });
});

describe('models from a folder on this computer, and PersonaGym questions', () => {
  it('loads the models from a picked folder (nothing fetched) and scores answers to a PersonaGym persona', async () => {
    // A folder laid out like the hub's repos: <owner>/<model>/<files>.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'picked-models-'));
    const folder = path.join(root, 'my-models');
    for (const [repo, name] of Object.entries(STAND_INS)) {
      fs.cpSync(fixtureModel(name), path.join(folder, repo), { recursive: true });
      // The registry asks for the q8 weights; the embedding fixture exists in fp32 only.
      const onnx = path.join(folder, repo, 'onnx');
      if (!fs.existsSync(path.join(onnx, 'model_quantized.onnx'))) fs.copyFileSync(path.join(onnx, 'model.onnx'), path.join(onnx, 'model_quantized.onnx'));
    }
    const local = await newSession();
    try {
      const { page } = local;
      await local.open('#/score?input=file');
      await page.locator('[data-file-input]').waitFor();
      // A link to another tab, opened while the Score page shows, switches to it.
      await page.evaluate(() => (window.location.hash = '#/score?input=gym'));
      await page.locator('[data-scorer-settings] > summary').click();
      await page.locator('[data-models-folder]').setInputFiles(folder);
      expect(await page.locator('[data-source="folder"]').isChecked()).toBe(true);
      expect(await page.locator('[data-scorer-settings]').innerText()).toMatch(/A folder on this computer: “my-models”/);

      const persona = page.locator('[data-gym-persona]');
      await expect.poll(() => persona.locator('option').count(), { timeout: 90_000 }).toBeGreaterThan(1);
      const first = await persona.locator('option').nth(1).getAttribute('value');
      await persona.selectOption(first!);
      const answers = page.locator('[data-gym-answer]');
      await expect.poll(() => answers.count(), { timeout: 30_000 }).toBe(50);
      await answers.nth(0).fill('I would think about it carefully first.');
      await answers.nth(10).fill('You are a stupid idiot.');
      await page.locator('[data-score-gym]').click();
      expect(await waitPhase(page, /finished|failed/)).toBe('finished');
      const ids = await page.locator('[data-score-rows] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')));
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(id).toMatch(new RegExp(`^pg${first}·`));

      // The answer sheets: this persona's (with the two answers) goes back in as a batch file.
      const sheet = await downloaded((await Promise.all([page.waitForEvent('download'), page.locator('[data-gym-sheet]').click()]))[0]);
      expect(sheet.name).toBe(`personagym-persona-${first}-answer-sheet.csv`);
      const sheetText = sheet.bytes.toString('utf8');
      expect(sheetText.split('\r\n')[0]).toBe('id,model,persona,task,question,response');
      expect(sheetText).toContain('You are a stupid idiot.');
      await page.locator('[data-tab="file"]').click();
      await page.locator('[data-file-input]').setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(sheetText) });
      await expect.poll(() => page.locator('[data-batch-summary]').innerText(), { timeout: 60_000 }).toMatch(/50 data rows.*2 rows can be scored, 48 rows cannot/s);
      await page.locator('[data-tab="gym"]').click();
      // Each persona keeps its own answers: another one starts empty, and going back or reloading finds them.
      await expect.poll(() => answers.count(), { timeout: 30_000 }).toBe(50);
      const second = await persona.locator('option').nth(2).getAttribute('value');
      await persona.selectOption(second!);
      await expect.poll(() => page.locator('.persona').innerText(), { timeout: 30_000 }).toMatch(new RegExp(`^Persona ${second}:`));
      expect(await answers.nth(0).inputValue()).toBe('');
      await persona.selectOption(first!);
      await expect.poll(() => answers.nth(0).inputValue(), { timeout: 30_000 }).toBe('I would think about it carefully first.');
      await page.reload();
      await expect.poll(() => answers.nth(10).inputValue(), { timeout: 60_000 }).toBe('You are a stupid idiot.');
      const all = await downloaded((await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-gym-sheet-all]').click()]))[0]);
      expect(all.name).toBe('personagym-answer-sheet.csv');
      expect(all.bytes.toString('utf8').match(/\r\npg\d+·/g)).toHaveLength(10_000);
      // Nothing was fetched for the models: no hub, no mirror, and nothing cached from the folder.
      expect(local.requests.filter((u) => /resolve\/|huggingface/.test(u))).toEqual([]);
      local.assertClean();
    } finally {
      await local.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('offline with nothing cached', () => {
  it('says the model cannot be loaded instead of hanging', async () => {
    const offline = await newSession();
    try {
      await offline.open('#/score');
      await offline.page.locator('[data-persona]').fill('I love jazz.');
      await offline.page.locator('[data-question-text]').first().fill('Do you like jazz?');
      await offline.page.locator('[data-response="0-0"]').fill('Yes.');
      await offline.page.locator('[data-score-paste]').click();
      const alert = offline.page.locator('[data-run-error]');
      await expect.poll(() => alert.count(), { timeout: 60_000 }).toBe(1);
      expect(await alert.innerText()).toMatch(/not in this browser's model cache and the Hugging Face hub cannot be reached \(offline\?\)/);
      // The page tried the hub and nothing else outside; the harness blocks those requests, as a network without the hub would.
      expect(offline.requests.filter((u) => !isLocal(u) && !u.startsWith('https://huggingface.co/'))).toEqual([]);
      expect(offline.errors.filter((e) => !/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(e))).toEqual([]);
    } finally {
      await offline.close();
    }
  });
});
