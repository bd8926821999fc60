// The embed's theme is the author's choice next to "Copy embed code": light by default (a paper's page
// is light, whatever the visitor's system), dark, or the viewer's system; the permalink stays the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, type Session } from './harness.ts';

let s: Session;
beforeAll(async () => {
  s = await newSession();
  // The author's and the visitor's systems are dark: the default embed is light all the same.
  await s.page.emulateMedia({ colorScheme: 'dark' });
});
afterAll(async () => {
  s.assertClean();
  await s.close();
});

describe('the embed theme', () => {
  it('is light by default, changes the embed URL and code, never the permalink', async () => {
    await s.open('#/b/personagym');
    const figure = s.page.locator('figure[data-chart="model-by-task"]');
    await figure.locator('[data-chart-svg] svg').waitFor({ timeout: 90_000 });
    const choice = figure.locator('select[data-embed-theme]');
    expect(await choice.inputValue()).toBe('light');
    expect(await figure.getByLabel('Embed theme').count()).toBe(1);
    await figure.locator('[data-copy-embed]').click();
    const src = () => figure.locator('[data-embed-url]').getAttribute('href');
    const permalink = await figure.locator('[data-chart-permalink]').getAttribute('href');
    await expect.poll(async () => new URL((await src())!).searchParams.get('theme')).toBe('light');
    const light = (await src())!;
    expect(await figure.locator('[data-embed-code]').inputValue()).toContain(light.replaceAll('&', '&amp;'));

    for (const theme of ['dark', 'auto']) {
      await choice.selectOption(theme);
      await expect.poll(async () => new URL((await src())!).searchParams.get('theme')).toBe(theme);
      expect(await figure.locator('[data-embed-code]').inputValue()).toContain(`theme=${theme}"`);
      expect(await figure.locator('[data-chart-permalink]').getAttribute('href')).toBe(permalink);
    }

    // The light embed stays light for a visitor whose system is dark.
    await s.page.goto(light);
    await s.page.locator('#embed[data-embed-ready="model-by-task"]').waitFor({ timeout: 90_000 });
    expect(await s.page.locator('#embed svg rect').first().getAttribute('fill')).toBe('#ffffff');
  });
});
