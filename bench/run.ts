/**
 * `npm run bench`: runs every benchmark suite (bench/<suite>/main.ts) in its own
 * process, one after another, so that no suite's heap or JIT state colours the
 * next. Each suite prints one JSON line per result on stdout.
 * Pass suite names to run only some: `npm run bench -- matching`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const suites = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'main.ts')))
  .map((d) => d.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const suite of suites) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, suite, 'main.ts')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
