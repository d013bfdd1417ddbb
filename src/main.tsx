/** Entry point: read the URL once, start URL sync, restore kept runs, start reactive training, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startAutoRun } from './engine/autoRun';
import { startRunPersistence } from './store/persist/runPersistence';
import { loadParamsFromUrl, startUrlSync } from './store/urlSync';
import './styles.css';
import './viz/theme.css';

loadParamsFromUrl();
startUrlSync();
void startRunPersistence();
startAutoRun({ autoplay: new URLSearchParams(window.location.search).get('autoplay') !== '0' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
