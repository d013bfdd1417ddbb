/**
 * Data controls of the next-character task: the corpus (Moby Dick, or the user's own text, pasted or
 * uploaded as .txt), the context length k and the numbers of training and test windows.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store';
import { ChoiceControl } from '../controls/ChoiceControl';
import { NumberControl } from '../controls/NumberControl';

/** Larger files are refused: the text is kept in memory and sent to the worker with every run. */
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

function CustomText() {
  const stored = useAppStore((s) => s.assets.text ?? '');
  const assetError = useAppStore((s) => s.assetError);
  const setCustomText = useAppStore((s) => s.setCustomText);
  const setAssetError = useAppStore((s) => s.setAssetError);
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);

  const commit = (text: string) => {
    if (text !== stored) setCustomText(text);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_TEXT_BYTES) {
      setAssetError(
        `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB: the limit is ${MAX_TEXT_BYTES / 2 ** 20} MB.`,
      );
      return;
    }
    try {
      const text = await file.text();
      setDraft(text);
      commit(text);
    } catch (error) {
      setAssetError(`Could not read ${file.name}: ${(error as Error).message}`);
    }
  };

  return (
    <div className="control text-custom">
      <label htmlFor="custom-text">your text</label>
      <textarea
        id="custom-text"
        data-testid="custom-text"
        rows={6}
        placeholder="Paste a text (a few thousand characters or more), then click outside the box."
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
      />
      <div className="text-custom-row">
        <label className="text-upload">
          upload .txt
          <input
            type="file"
            accept=".txt,text/plain"
            data-testid="text-upload"
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <span className="muted" data-testid="custom-text-length">
          {stored.length.toLocaleString('en')} characters
        </span>
      </div>
      {assetError && (
        <div className="field-error" role="alert">
          {assetError}
        </div>
      )}
    </div>
  );
}

export function TextControls() {
  const corpus = useAppStore((s) => s.params.corpus);
  return (
    <>
      <ChoiceControl name="corpus" />
      {corpus === 'custom' && <CustomText />}
      <NumberControl name="k" />
      <NumberControl name="n" />
      <NumberControl name="ntest" />
    </>
  );
}
