/**
 * The prompt box: once the run has finished, the final model scores what the user types. It shows the
 * next-character distribution (scores clipped at 0 and normalised) and a greedy continuation, one predict
 * call of one row per character, in the worker, so typing stays responsive. A newer prompt or a new run
 * cancels the computation under way.
 */
import { useEffect, useState } from 'react';
import type { DatasetLayout } from '../../../core';
import { encodeContext, printableChar } from '../../../data/text/alphabet';
import { getEngine } from '../../../engine/engine';
import { useAppStore } from '../../../store/store';
import { greedyContinuation, scoresToDistribution, topCharacters, type CharacterProbability } from './distribution';

type TextLayout = Extract<DatasetLayout, { kind: 'text' }>;

const DEFAULT_PROMPT = 'call me ishmael. the white wha';
const CONTINUATION_LENGTH = 40;
const TOP = 10;
const DEBOUNCE_MS = 150;

interface Prediction {
  prompt: string;
  top: CharacterProbability[] | null;
  continuation: string;
  done: boolean;
}

const DISTRIBUTION_HELP =
  'RFM regresses one-hot targets, so its outputs are scores, not probabilities. Shown: the scores clipped at 0 and divided by their sum.';

function usePrediction(prompt: string, layout: TextLayout | null, ready: boolean, runId: number) {
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ready || !layout) return;
    let cancelled = false;
    const { k, vocabulary } = layout;
    const engine = getEngine();
    const score = (input: Float32Array) => engine.predict(input, 1);
    const timer = setTimeout(async () => {
      try {
        const probabilities = scoresToDistribution(await score(encodeContext(prompt, k, vocabulary)));
        if (cancelled) return;
        const top = probabilities ? topCharacters(probabilities, vocabulary, TOP) : null;
        setError(null);
        setPrediction({ prompt, top, continuation: '', done: false });
        const continuation = await greedyContinuation(prompt, {
          k,
          vocabulary,
          steps: CONTINUATION_LENGTH,
          score,
          cancelled: () => cancelled,
          onStep: (text) => {
            if (!cancelled) setPrediction({ prompt, top, continuation: text, done: false });
          },
        });
        if (!cancelled) setPrediction({ prompt, top, continuation, done: true });
      } catch (e) {
        if (!cancelled) setError((e as Error).message);
      }
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [prompt, layout, ready, runId]);
  return { prediction: ready ? prediction : null, error: ready ? error : null };
}

function DistributionBars({ top }: { top: CharacterProbability[] }) {
  const max = top[0]?.probability ?? 1;
  return (
    <ol className="text-distribution" data-testid="next-char-distribution" title={DISTRIBUTION_HELP}>
      {top.map((entry) => (
        <li key={entry.index} data-char={entry.character} data-probability={entry.probability}>
          <span className="text-distribution-char">{printableChar(entry.character)}</span>
          <span className="text-distribution-bar">
            <span style={{ width: `${max > 0 ? (100 * entry.probability) / max : 0}%` }} />
          </span>
          <span className="text-distribution-value">{(100 * entry.probability).toFixed(1)}%</span>
        </li>
      ))}
    </ol>
  );
}

export function PromptPanel() {
  const layout = useAppStore((s) => (s.dataset?.layout.kind === 'text' ? (s.dataset.layout as TextLayout) : null));
  const status = useAppStore((s) => s.status);
  const runId = useAppStore((s) => s.runId);
  const [prompt, setPrompt] = useState(DEFAULT_PROMPT);
  const ready = status === 'finished' && layout !== null;
  const { prediction, error } = usePrediction(prompt, layout, ready, runId);

  return (
    <section className="panel" aria-label="prompt">
      <header>
        <h3>Try a prompt</h3>
        <span className="muted text-help" title={DISTRIBUTION_HELP}>
          scores, not probabilities (?)
        </span>
      </header>
      <input
        className="text-prompt"
        data-testid="prompt-input"
        aria-label="prompt"
        value={prompt}
        maxLength={500}
        spellCheck={false}
        placeholder="Type the beginning of a sentence"
        disabled={!ready}
        onChange={(e) => setPrompt(e.target.value)}
      />
      {!ready && <p className="caption">The prompt box opens when the run has finished.</p>}
      {ready && error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {prediction && (
        <>
          <p className="text-continuation-line">
            <span className="muted">{prediction.prompt.slice(-60)}</span>
            <span className="text-continuation" data-testid="continuation" data-done={String(prediction.done)}>
              {prediction.continuation}
            </span>
          </p>
          {prediction.top ? (
            <DistributionBars top={prediction.top} />
          ) : (
            <p className="caption">No output is positive for this prompt: there is no distribution to show.</p>
          )}
          <p className="caption">
            Next character after the last {layout?.k ?? 'k'} characters, and a greedy continuation of{' '}
            {CONTINUATION_LENGTH} characters (each step appends the top character).
          </p>
        </>
      )}
    </section>
  );
}
