/**
 * Share: a dialog with the link to this view (parameters plus view state), the iframe snippet (with
 * embed.js), the <rfm-explorer> snippet and a classroom link, each with a copy button. Link values that
 * were invalid when the page opened were dropped; the dialog says which.
 */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { shareLinks } from '../../store/share';
import { useAppStore } from '../../store/store';
import { CopyField } from './CopyField';

/** The folder the app is published in (any sub-path): links and scripts are relative to it. */
export const appBase = () => new URL('./', window.location.href).href;

function ShareContents() {
  const links = useAppStore(useShallow((s) => shareLinks(s, appBase())));
  const problems = useAppStore(useShallow((s) => [...s.paramProblems, ...s.viewProblems]));
  return (
    <>
      <CopyField label="link" value={links.link} />
      <CopyField label="iframe snippet" value={links.iframeSnippet} multiline />
      <CopyField label="custom element snippet" value={links.elementSnippet} multiline />
      <CopyField label="classroom link" value={links.classroom} />
      <p className="muted">
        The link keeps the parameters, the iteration shown, hide-diagonal and the chosen panels. The snippets show the
        preset’s panels; add <code>panels=m,error</code> (or any panel names) to choose.
      </p>
      {problems.length > 0 && (
        <p className="warn" data-testid="share-notice">
          Left out of these links (invalid in the link this page opened with): {problems.join('; ')}.
        </p>
      )}
    </>
  );
}

export function ShareButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  // The links are computed only while the dialog is open (they change with every scrub of the iteration).
  const [open, setShareOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="share-button"
        onClick={() => {
          setShareOpen(true);
          dialog.current?.showModal();
        }}
      >
        Share
      </button>
      <dialog ref={dialog} className="share-dialog" aria-label="share" onClose={() => setShareOpen(false)}>
        <header>
          <h2>Share this view</h2>
          <button type="button" aria-label="close" onClick={() => dialog.current?.close()}>
            ✕
          </button>
        </header>
        {open && <ShareContents />}
      </dialog>
    </>
  );
}
