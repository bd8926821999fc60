// The Score page's input forms on files and edits that once went wrong, before any model loads: a
// file with a repeated column name (the form crashed on a duplicate key), a binary file and a
// header-only file (one message each), and the paste form's default model names after a removal.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_MODELS_DIR, FIXTURE_SPECS } from '../fixtures/models/fixtures.ts';
import { newSession, type Session } from './harness.ts';

let s: Session;

beforeAll(async () => {
  s = await newSession();
  await s.open('#/score');
});
afterAll(async () => {
  s.assertClean();
  await s.close();
});

describe('a batch file', () => {
  const summary = () => s.page.locator('[data-batch-summary]').innerText();
  // textContent: a list of warnings only is folded (its summary alone is rendered text).
  const issues = async () => (await s.page.locator('.batch [data-issues]').textContent()) ?? '';
  const upload = (name: string, buffer: Buffer) => s.page.locator('[data-file-input]').setInputFiles({ name, mimeType: 'text/csv', buffer });

  it('with a repeated column name is read, says so, and offers both columns to map', async () => {
    await s.page.locator('[data-tab="file"]').click();
    await upload('dupcols.csv', Buffer.from('id,persona,question,response,response\nx1,I love jazz.,Q?,Yes,No\n'));
    await expect.poll(summary, { timeout: 60_000 }).toMatch(/dupcols\.csv.*1 data row, columns id, persona, question, response, response_2\..*1 row can be scored/s);
    expect(await issues()).toMatch(/columns 4 and 5 are both named "response"; column 5 is read as "response_2"/);
    const options = await s.page.locator('[data-map="response"] option').allInnerTexts();
    expect(options.filter((o) => o.startsWith('response'))).toEqual(['response', 'response_2']);
    expect(s.errors).toEqual([]);
  });

  it('that is binary, or only a header, gets one message saying so', async () => {
    await upload('binary.csv', fs.readFileSync(path.join(FIXTURE_MODELS_DIR, FIXTURE_SPECS.toxicity.repo, 'onnx/model_quantized.onnx')));
    await expect.poll(summary, { timeout: 60_000 }).toMatch(/binary\.csv.*0 data rows, columns none/s);
    expect(await s.page.locator('.batch [data-issues] li').allInnerTexts()).toEqual([expect.stringMatching(/this is not a text file/)]);
    await upload('header-only.csv', Buffer.from('persona,question,response\n'));
    await expect.poll(summary, { timeout: 60_000 }).toMatch(/header-only\.csv.*0 data rows/s);
    expect(await s.page.locator('.batch [data-issues] li').allInnerTexts()).toEqual([expect.stringMatching(/the file has no data rows, only a header/)]);
    expect(await s.page.locator('[data-score-file]').isDisabled()).toBe(true);
  });
});

describe('the paste form', () => {
  it('names an added model with a free letter after one was removed', async () => {
    const { page } = s;
    await page.locator('[data-tab="paste"]').click();
    const names = () => page.locator('[data-model-name]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await page.locator('[data-add-model]').click();
    await page.locator('[data-add-model]').click();
    expect(await names()).toEqual(['model A', 'model B', 'model C']);
    await page.getByRole('button', { name: 'Remove model A' }).click();
    await page.locator('[data-add-model]').click();
    expect(await names()).toEqual(['model B', 'model C', 'model A']);
  });
});
