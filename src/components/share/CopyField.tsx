/** One line (or snippet) of the share dialog with a copy button that says when it copied. */
import { useState } from 'react';

export function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="copy-field">
      <label>
        <span>{label}</span>
        {multiline ? (
          <textarea readOnly rows={3} value={value} aria-label={label} onFocus={(e) => e.target.select()} />
        ) : (
          <input readOnly value={value} aria-label={label} onFocus={(e) => e.target.select()} />
        )}
      </label>
      <button type="button" onClick={copy} aria-label={`copy ${label}`}>
        {copied === 'yes' ? 'copied' : copied === 'failed' ? 'select and copy' : 'copy'}
      </button>
    </div>
  );
}
