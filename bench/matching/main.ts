/**
 * Matching benchmark: our exact solver against npm `munkres` v2 on the same
 * seeded instances. Per instance and solver: median of 3 fresh processes, one
 * warm in-process run, peak RSS, and whether both reach the same optimal total.
 * BENCH_QUICK=1 runs the small instances only.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTANCES } from './instances';
import { runMunkres, runTandem } from './solve';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.env.BENCH_QUICK === '1';
const names = Object.keys(INSTANCES).filter((n) => !quick || n === 'dense-200' || n === 'dense-500');
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  } catch {
    return null;
  }
})();

function fresh(solver: string, name: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'solve.ts'), solver, name], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.toString()) as { ms: number; total: number; rssMb: number };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const name of names) {
  const solvers = name.startsWith('sparse') ? ['tandem'] : ['tandem', 'munkres'];
  const totals: Record<string, number> = {};
  for (const solver of solvers) {
    const runs = [0, 1, 2].map(() => fresh(solver, name));
    // The first in-process run warms the JIT; the second is the warm figure.
    if (solver === 'tandem') runTandem(name);
    const warm = solver === 'tandem' ? runTandem(name) : runMunkres(name);
    totals[solver] = warm.total;
    const line = {
      suite: 'matching',
      instance: name,
      solver,
      median_ms: Math.round(median(runs.map((r) => r.ms))),
      warm_ms: Math.round(warm.ms),
      peak_rss_mb: Math.round(Math.max(...runs.map((r) => r.rssMb))),
      total: Number(warm.total.toFixed(6)),
      same_total:
        solver === 'munkres' ? Math.abs(warm.total - totals.tandem!) <= 1e-9 * Math.max(1, warm.total) : null,
      commit,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  if (name.startsWith('sparse'))
    process.stderr.write('munkres skipped on the sparse cohort: it needs a dense matrix of 30 M cells.\n');
}
