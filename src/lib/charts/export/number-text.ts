// Numbers in exported tables: short enough for a paper, and never a non-zero printed as "0"
// (fixed decimals turned 0.00004 into "0") nor a float spelled out to 17 digits.

/** Significant digits kept for values under 1 in magnitude, and decimals kept above it. */
const DIGITS = 4;
/** From this magnitude on, plain digits would be noise ("123456789012345680000000"): scientific. */
const SCIENTIFIC_FROM = 1e15;

/** A number as a mantissa and, when the value is too large or too small to write plainly, a power of ten. */
export interface NumberParts {
  mantissa: string;
  exponent?: number;
}

export function numberParts(v: number): NumberParts {
  if (v === 0 || Object.is(v, -0)) return { mantissa: '0' };
  const abs = Math.abs(v);
  if (abs >= SCIENTIFIC_FROM || abs < 1e-6) {
    // toExponential(3) is 4 significant digits; trailing zeros dropped ("1.000" → "1").
    const [m, e] = v.toExponential(DIGITS - 1).split('e');
    return { mantissa: trimZeros(m), exponent: Number(e) };
  }
  // At least 1: up to 4 decimals (6.8 stays "6.8", 123.456 stays whole). Under 1: 4 significant
  // digits, which keeps the first non-zero digit however many zeros precede it.
  const text = abs >= 1 ? v.toFixed(DIGITS) : v.toPrecision(DIGITS);
  return { mantissa: trimZeros(text) };
}

/** Plain text: "0.00004", "1.235e23". */
export function plainNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  const p = numberParts(v);
  return p.exponent === undefined ? p.mantissa : `${p.mantissa}e${p.exponent}`;
}

/** LaTeX: "1.235\times10^{23}" in math mode, so it typesets as a paper would print it. */
export function latexNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  const p = numberParts(v);
  return p.exponent === undefined ? p.mantissa : `$${p.mantissa}\\times10^{${p.exponent}}$`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * A number for data files without arithmetic noise: a mean of 2.8499999999999996 is 2.85. Any decimal
 * of up to 15 significant digits survives a double, so rounding a fraction there loses nothing the data
 * had. Integers are left whole: an id or a microsecond timestamp has 16 digits, all of them real.
 */
export function withoutFloatNoise(v: number): number {
  return Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(DATA_DIGITS)) : v;
}
const DATA_DIGITS = 15;
