/** The pack authoring tool: `npm run -s pack -- <command>` (see scripts/lib/pack/cli.ts and the README). */
import { runPack } from './lib/pack/cli';

process.exitCode = runPack(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  today: new Date().toISOString().slice(0, 10),
});
