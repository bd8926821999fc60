// Small formatters the views share.
import { describe, expect, it } from 'vitest';
import { formatLocalTime, plural } from '../../src/components/format.ts';

describe('formatting', () => {
  it('a saved timestamp in local time, and an unreadable one as it is', () => {
    const shown = formatLocalTime('2026-11-27T12:30:00.000Z');
    expect(shown).toMatch(/2026/);
    expect(shown).not.toMatch(/T12:30/);
    expect(formatLocalTime('not a date')).toBe('not a date');
  });
  it('counts with the right word', () => {
    expect(plural(1, 'model')).toBe('1 model');
    expect(plural(1200, 'row')).toBe('1,200 rows');
  });
});
