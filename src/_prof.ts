import { makeCompletionProblem } from '/work/wt12/src/data/linrfmProblems';
import { completeMatrix } from '/work/wt12/src/core/linrfm/completion';
import { DEFAULT_LINRFM_OPTIONS } from '/work/wt12/src/core/linrfm/linrfmTypes';
const [m, n, r, obs, iters, K, decay, si] = process.argv.slice(2);
const p = makeCompletionProblem({ rows: +m!, cols: +n!, rank: +r!, observed: +obs!, noise: 0, seed: 1 });
const t0 = performance.now();
const opts = { ...DEFAULT_LINRFM_OPTIONS, iterations: +iters!, basisSize: +(K ?? 128), epsDecay: +(decay ?? 0.8), softImpute: si !== '0' };
for await (const rec of completeMatrix(p, opts)) {
  console.log(rec.iteration, rec.recoveryError.toExponential(3), rec.softImputeError?.toExponential(3), JSON.stringify(Object.fromEntries(Object.entries(rec.timings).map(([k,v])=>[k,Math.round(v)]))), Math.round(performance.now()-t0));
}
console.log('total', Math.round(performance.now()-t0));
