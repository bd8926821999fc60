// Small formatters the views share.
import { describe, expect, it } from 'vitest';
import { formatLocalTime, formatNumber, plural } from '../../src/components/format.ts';

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

describe('cell numbers', () => {
  it('keep up to 6 decimals, and show a value too small for them in exponent form, never as 0', () => {
    expect(formatNumber(0.9618320610687023)).toBe('0.961832');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(1.1e-16)).toBe('1.10e-16');
    expect(formatNumber(-3e-9)).toBe('-3.00e-9');
    expect(formatNumber(0)).toBe('0');
  });
});
