// Svelte 5 removes whitespace at the start and end of a block ({#if}, {:else}, {#each}) and of an
// element's content, so `rows scored{#if n} ({n} failed){/if}` renders "rows scored(3 failed)". A
// space that must stay is written {' '}. This scan finds spaces the compiler would drop between
// words on one line of markup.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BLOCK_OPEN = /\{(?:#if|:else|#each|#key|:then|:catch)(?:[^{}]|\{[^{}]*\})*\}( +)\S/g;
const BLOCK_CLOSE = /\S( +)\{(?:\/if|\/each|\/key|:else)/g;
// An attribute value may hold ">" (arrow functions in {…}, quoted text): skip those whole.
const ATTRIBUTES = String.raw`(?:\s(?:[^>{}"']|"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\})*)?`;
const INLINE_OPEN = new RegExp(String.raw`<(?:span|strong|em|code|a|small|b|abbr)${ATTRIBUTES}>( +)[^\s<]`, 'g');
const INLINE_CLOSE = /[^\s>]( +)<\/(?:span|strong|em|code|a|small|b|abbr)>/g;

function svelteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? svelteFiles(p) : e.name.endsWith('.svelte') ? [p] : [];
  });
}

/** "file:line: text" for each space Svelte would trim in a file's markup (the script is skipped). */
function trimmedSpaces(file: string, source: string): string[] {
  const markup = source.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const found: string[] = [];
  markup.split('\n').forEach((line, i) => {
    for (const re of [BLOCK_OPEN, BLOCK_CLOSE, INLINE_OPEN, INLINE_CLOSE]) {
      for (const m of line.matchAll(re)) found.push(`${file}:${i + 1}: ${m[0].trim()}`);
    }
  });
  return found;
}

describe('spaces in markup', () => {
  it('the scan finds what Svelte trims, and not what it keeps', () => {
    expect(trimmedSpaces('x', `<p>scored{#if n} ({n} failed){/if}</p>`)).toHaveLength(1);
    expect(trimmedSpaces('x', `<p>{#each a as t, i (t)}{#if i > 0}, {/if}{t}{/each}</p>`)).toHaveLength(1);
    expect(trimmedSpaces('x', `<td>{id}<span class="w" title={w.map((x) => x.m)}> ⚠</span></td>`)).toHaveLength(1);
    expect(trimmedSpaces('x', `<p>scored{#if n}{' '}({n} failed){/if}, {a} <span>b</span> c</p>`)).toEqual([]);
    expect(trimmedSpaces('x', `<a href="#x" onclick={(e) => { go(e); }}>Skip</a> <span title={a > b ? 'x' : 'y'}>{' '}ok</span>`)).toEqual([]);
    expect(trimmedSpaces('x', `<script>const s = '{#if x} y';</script><p>ok</p>`)).toEqual([]);
  });

  it('no view or component relies on a space Svelte removes', () => {
    const found = svelteFiles('src').flatMap((f) => trimmedSpaces(f, fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
