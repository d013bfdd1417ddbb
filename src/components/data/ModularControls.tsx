/** Modular arithmetic: the prime p, the operation and the training fraction, with a hint when p is not prime. */
import { isPrime, modularPairCount, nearbyPrimes } from '../../data/sources/modular';
import { useAppStore } from '../../store/store';
import { ChoiceControl } from '../controls/ChoiceControl';
import { NumberControl } from '../controls/NumberControl';

export function ModularControls() {
  const p = useAppStore((s) => s.params.p);
  const op = useAppStore((s) => s.params.op);
  const frac = useAppStore((s) => s.params.frac);
  const pairs = modularPairCount(p, op);
  const nTrain = Math.round(frac * pairs);
  return (
    <>
      <NumberControl name="p" />
      {isPrime(p) ? (
        <div className="muted modular-pairs" data-testid="modular-pairs">
          {pairs} pairs (a, b){op === '/' ? ' with b ≠ 0' : ''}: {nTrain} to train on, {pairs - nTrain} to test
        </div>
      ) : (
        <div className="field-error" role="alert" data-testid="modular-p-hint">
          {p} is not prime{nearbyPrimes(p).length > 0 ? `: try ${nearbyPrimes(p).join(' or ')}` : ''}.
        </div>
      )}
      <ChoiceControl name="op" />
      <NumberControl name="frac" />
    </>
  );
}
