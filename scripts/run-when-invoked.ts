// A command-line script's entry: run its main(argv) and exit with the code it returns, but only when
// the file is the one Node was started with, so tests can import the script's functions.
import path from 'node:path';

export function runWhenInvoked(moduleUrl: string, main: (argv: string[]) => Promise<number>, crashCode = 1): void {
  const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
  if (invoked !== path.resolve(new URL(moduleUrl).pathname)) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(crashCode);
    },
  );
}
