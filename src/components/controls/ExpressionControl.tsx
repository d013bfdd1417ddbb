/**
 * The target expression. Checked as the user types; only a valid expression reaches the parameters, so
 * an invalid one shows its error and the last good target (and its run) stays.
 */
import { useEffect, useState } from 'react';
import { checkTargetExpression } from '../../data/expression';
import { PARAMS, ParamError, parseParam } from '../../params/schema';
import { useAppStore } from '../../store/store';

/** The schema's check (its length limit, the one the URL applies) first, then the expression itself. */
function problemWith(raw: string, d: number): string | null {
  try {
    parseParam('expr', raw);
  } catch (error) {
    if (error instanceof ParamError) return error.message;
    throw error;
  }
  return checkTargetExpression(raw, d);
}

export function ExpressionControl() {
  const value = useAppStore((s) => s.params.expr);
  const d = useAppStore((s) => s.params.d);
  const setParam = useAppStore((s) => s.setParam);
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  // A change of d can make the current text valid or invalid.
  useEffect(() => setError(problemWith(text, d)), [d]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = (raw: string) => {
    const problem = problemWith(raw, d);
    setError(problem);
    if (problem === null && raw.trim() !== value) setParam('expr', raw.trim());
  };

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
          setError(problemWith(e.target.value, d));
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
