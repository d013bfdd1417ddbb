/**
 * The target expression. Checked as the user types, parsed and evaluated on the run's first points
 * (data/targetCheck.ts); only a usable expression reaches the parameters, so `1/0` or a parse error shows
 * its message and the last good target (and its run) stays.
 */
import { useEffect, useState } from 'react';
import { checkTarget, type TargetCheckOptions } from '../../data/targetCheck';
import { PARAMS, ParamError, parseParam } from '../../params/schema';
import { useAppStore } from '../../store/store';
import { useControlHidden } from './useControlHidden';

/** The schema's check (its length limit, the one the URL applies) first, then the expression itself. */
function problemWith(raw: string, context: TargetCheckOptions): string | null {
  try {
    parseParam('expr', raw);
  } catch (error) {
    if (error instanceof ParamError) return error.message;
    throw error;
  }
  return checkTarget(raw, context);
}

export function ExpressionControl() {
  const value = useAppStore((s) => s.params.expr);
  const d = useAppStore((s) => s.params.d);
  const nTrain = useAppStore((s) => s.params.n);
  const nTest = useAppStore((s) => s.params.ntest);
  const distribution = useAppStore((s) => s.params.dist);
  const seed = useAppStore((s) => s.params.seed);
  const setParam = useAppStore((s) => s.setParam);
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const hidden = useControlHidden('expr');
  const check = (source: string) => problemWith(source, { d, nTrain, nTest, distribution, seed });
  useEffect(() => setText(value), [value]);
  // A change of d, the inputs or the seed can make the current text valid or invalid.
  useEffect(() => setError(check(text)), [d, nTrain, nTest, distribution, seed]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = (raw: string) => {
    const problem = check(raw);
    setError(problem);
    if (problem === null && raw.trim() !== value) setParam('expr', raw.trim());
  };

  if (hidden) return null;
  return (
    <div className="control expression" title={PARAMS.expr.help}>
      <label htmlFor="param-expr">{PARAMS.expr.label}</label>
      <input
        id="param-expr"
        data-testid="param-expr"
        className={error ? 'invalid' : ''}
        spellCheck={false}
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => {
          setText(e.target.value);
          setError(check(e.target.value));
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
      {error && (
        <div className="field-error" role="alert" data-testid="expr-error">
          {error} — still training on <code>{value}</code>.
        </div>
      )}
    </div>
  );
}
