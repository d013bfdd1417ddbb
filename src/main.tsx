/** Entry point: read the URL once, start URL sync, restore kept runs, start reactive training, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startAutoRun } from './engine/autoRun';
import { startRunPersistence } from './store/persist/runPersistence';
import { useAppStore } from './store/store';
import { loadStateFromUrl, startUrlSync } from './store/urlSync';
import './styles.css';
import './viz/theme.css';

loadStateFromUrl();
startUrlSync();
// The embed view starts when it comes on screen (useVisibilityRun), not on load.
const embed = useAppStore.getState().view.embed;
// An embed in an article shows one experiment: no kept runs restored into it.
const restored = embed ? Promise.resolve() : startRunPersistence();
startAutoRun({
  autoplay: !embed && new URLSearchParams(window.location.search).get('autoplay') !== '0',
  restored,
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
