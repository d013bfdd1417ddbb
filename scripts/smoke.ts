import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { trainRfm, DEFAULT_RFM_OPTIONS } from '/work/main/src/core/rfm';
import { createRandom } from '/work/main/src/core/random';
const backend = process.argv[2] ?? 'cpu';
await tf.setBackend(backend); await tf.ready();
const r = createRandom(1);
const d = 10, n = 1000, m = 500;
function gen(count: number) { const x = new Float32Array(count*d), y = new Float32Array(count);
  for (let i=0;i<count;i++){ for(let j=0;j<d;j++) x[i*d+j]=r.normal(); y[i]=5*x[i*d]**3+10*x[i*d+1]**2+2*x[i*d+2]; } return {x,y}; }
const tr = gen(n), te = gen(m);
const data = { xTrain: tr.x, yTrain: tr.y, xTest: te.x, yTest: te.y, nTrain: n, nTest: m, d, c: 1, accuracy: 'none' as const };
let t0 = performance.now();
for await (const rec of trainRfm(data, { ...DEFAULT_RFM_OPTIONS, iterations: 5 })) {
  const diag = Array.from({length: d}, (_, i) => rec.M[i*d+i]!.toFixed(3));
  console.log(rec.iteration, 'train', rec.trainMse.toExponential(3), 'test', rec.testMse?.toExponential(3), 'R2', rec.testR2?.toFixed(3), 'res', rec.solveResidual.toExponential(1), 'diag', diag.join(' '), 'eig', Array.from(rec.kernelEigenvalues.slice(0,3)).map(v=>v.toFixed(2)).join(','), JSON.stringify(Object.fromEntries(Object.entries(rec.timings).map(([k,v])=>[k,Math.round(v)]))), 'tensors', tf.memory().numTensors);
}
console.log('total', Math.round(performance.now()-t0), 'ms');
