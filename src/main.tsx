/** Entry point: read the URL once, start URL sync and reactive training, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startAutoRun } from './engine/autoRun';
import { loadParamsFromUrl, startUrlSync } from './store/urlSync';
import './styles.css';
import './viz/theme.css';

loadParamsFromUrl();
startUrlSync();
startAutoRun({ autoplay: new URLSearchParams(window.location.search).get('autoplay') !== '0' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
