// A benchmark's licence in words, the same wherever it is shown: the licence's name (or that none is
// stated) and a flag when reuse is restricted. "NOASSERTION" (SPDX for "not stated") is never shown
// as if it were a licence, and "MIT" alone never stands for data under mixed terms.
import type { License, LicenseStatus } from './types.ts';

export type LicenceTone = 'ok' | 'warn' | 'danger' | 'info';

const FLAGS: Record<LicenseStatus, { flag: string | null; tone: LicenceTone }> = {
  open: { flag: null, tone: 'ok' },
  'non-commercial': { flag: 'non-commercial', tone: 'warn' },
  unlicensed: { flag: 'unlicensed: all rights reserved', tone: 'danger' },
  mixed: { flag: 'mixed terms', tone: 'warn' },
  'not-shipped': { flag: 'not shipped here', tone: 'info' },
};

export interface LicenceWords {
  /** The licence's name, "no licence stated", or null where the flag says it all ("unlicensed"). */
  name: string | null;
  flag: string | null;
  tone: LicenceTone;
}

/** The licence's SPDX id or name as stated; null for none or "NOASSERTION" (SPDX for "not stated"). */
export function statedSpdx(license: Pick<License, 'spdx'>): string | null {
  return license.spdx && license.spdx !== 'NOASSERTION' ? license.spdx : null;
}

export function licenceWords(license: Pick<License, 'spdx' | 'status'>): LicenceWords {
  const look = FLAGS[license.status] ?? { flag: license.status, tone: 'info' as const };
  const stated = statedSpdx(license);
  return { name: stated ?? (license.status === 'unlicensed' ? null : 'no licence stated'), flag: look.flag, tone: look.tone };
}

/** One line for a chart's source line or caption: "MIT", "MIT, mixed terms", "unlicensed: all rights reserved". */
export function licenceText(license: Pick<License, 'spdx' | 'status'>): string {
  const { name, flag } = licenceWords(license);
  return [name, flag].filter(Boolean).join(', ');
}
