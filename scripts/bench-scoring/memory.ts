// Peak resident memory of a Linux process from /proc: VmHWM is the kernel's own high-water mark of
// the resident set, so no sampling can miss a short peak. Writing "5" to clear_refs resets it to
// the current RSS (Linux >= 4.0; needs the same user as the process).
import fs from 'node:fs';

function statusField(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Peak resident bytes since start (or the last reset), or null where /proc is unavailable. */
export const peakRss = (pid: number | 'self' = 'self') => statusField(pid, 'VmHWM');

/** Resident bytes now, or null. */
export const currentRss = (pid: number | 'self' = 'self') => statusField(pid, 'VmRSS');

/** Reset the peak to the current RSS; false where not allowed. */
export function resetPeakRss(pid: number | 'self' = 'self'): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
