import { phaseTransition } from './experiments/linrfmPhase';
import { DEFAULT_LINRFM_OPTIONS } from './core/linrfm/linrfmTypes';
const iters = +(process.argv[2] ?? 50);
const t0 = performance.now();
const rows: string[] = [];
let line = '';
for await (const c of phaseTransition({ rows: 60, cols: 60, noise: 0, seed: 1 }, { ...DEFAULT_LINRFM_OPTIONS, iterations: iters })) {
  line += ` ${c.recoveryError.toExponential(1)}${c.success ? '*' : ' '}`;
  if (c.observed === 0.6) { rows.push(`r=${c.rank}:${line}`); line = ''; }
}
console.log(rows.join('\n'), '\nms', Math.round(performance.now() - t0));
