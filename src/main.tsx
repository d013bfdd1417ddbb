/** Entry point: read the URL once, start URL sync and reactive training, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startAutoRun } from './engine/autoRun';
import { useAppStore } from './store/store';
import { loadStateFromUrl, startUrlSync } from './store/urlSync';
import './styles.css';
import './viz/theme.css';

loadStateFromUrl();
startUrlSync();
// The embed view starts when it comes on screen (useVisibilityRun), not on load.
const embed = useAppStore.getState().view.embed;
startAutoRun({ autoplay: !embed && new URLSearchParams(window.location.search).get('autoplay') !== '0' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
