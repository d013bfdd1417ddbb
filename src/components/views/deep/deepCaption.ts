/**
 * The sentence under the collapse chart, computed from the layers reported so far (docs/deeprfm.md): in the
 * present tense while the run goes on, then the verdict, e.g. "NC1 fell from 3.9 to 0.018 in 6 layers;
 * without the AGOP it rose to 6.5." NC1 is that of X_l, the points each layer's kernel sees.
 */
import type { DeepLayerResult } from '../../../protocol/deepMessages';
import { formatValue } from '../../../viz/format';
import { agopLayers, controlLayers } from './deepSelectors';

const f = (v: number) => formatValue(v, 2);
const nc1 = (layer: DeepLayerResult) => layer.record.collapse.X.nc1;

/** 'fell' / 'rose' (past) or 'is falling' / 'is rising' (present), from the first value to the last. */
function direction(from: number, to: number, finished: boolean): string {
  if (finished) return to < from ? 'fell' : 'rose';
  return to < from ? 'is falling' : 'is rising';
}

/** What a reader should conclude, once both stacks are done. */
function verdict(first: number, last: number, control: number): string {
  const fold = first / last;
  if (fold >= 10 && control >= first / 2)
    return ` The AGOP collapses the classes (${Math.round(fold)}x); random ReLU layers alone do not.`;
  if (fold >= 10) return ` The AGOP collapses the classes (${Math.round(fold)}x), and here the control falls too.`;
  return ' At these settings the AGOP did not collapse the classes tenfold.';
}

/** depth: layers planned per stack; finished: the run has ended (not stopped early). */
export function collapseCaption(layers: readonly DeepLayerResult[], depth: number, finished: boolean): string {
  const agop = agopLayers(layers);
  const control = controlLayers(layers);
  const first = agop[0];
  if (!first) return 'NC1 appears here layer by layer as the run goes.';
  const last = agop.at(-1)!;
  if (agop.length < depth || control.length === 0) {
    const done = agop.length === depth;
    const tense = direction(nc1(first), nc1(last), done);
    return done
      ? `NC1 ${tense} from ${f(nc1(first))} to ${f(nc1(last))} in ${depth} layers; the control without the AGOP runs next.`
      : `NC1 ${tense}: ${f(nc1(first))} at layer 1, ${f(nc1(last))} at layer ${last.record.layer} of ${depth}.`;
  }
  const lastControl = control.at(-1)!;
  const stacksDone = finished && control.length === depth;
  const head = `NC1 ${direction(nc1(first), nc1(last), true)} from ${f(nc1(first))} to ${f(nc1(last))} in ${depth} layers`;
  if (!stacksDone)
    return `${head}; without the AGOP it ${direction(nc1(control[0]!), nc1(lastControl), false)}: ${f(nc1(lastControl))} at layer ${lastControl.record.layer}.`;
  return (
    `${head}; without the AGOP it ${direction(nc1(first), nc1(lastControl), true)} to ${f(nc1(lastControl))}.` +
    verdict(nc1(first), nc1(last), nc1(lastControl))
  );
}
