// The renderer processes of one Chromium instance, found through /proc: Chromium hands its
// --user-data-dir to every child, so a unique profile folder picks out this instance's renderers.
// A page and its dedicated workers (the scorer, ONNX Runtime's wasm memory) live in one renderer
// process, so its resident memory is what scoring costs the browser.
import fs from 'node:fs';

// Chromium rewrites its children's process titles into one space-separated string, so split on both.
function cmdline(pid: string): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return [];
  }
}

export function rendererPids(userDataDir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      const args = cmdline(pid);
      return args.includes('--type=renderer') && !args.includes('--top-chrome-webui') && args.includes(`--user-data-dir=${userDataDir}`);
    })
    .map(Number);
}
