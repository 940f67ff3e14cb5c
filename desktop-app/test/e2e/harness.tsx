import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/renderer/App';
import { prefetchFirstScreen } from '../../src/renderer/state/use-flowdesk';
import { createInPageBackend } from '../support/in-page-backend';
import { seededStore } from './seed';

/**
 * The app UI in a plain browser page, with window.flowdesk served by the in-page stand-in
 * instead of the preload. Tests reach the stand-in through window.flowdeskTest.
 */
const initial = seededStore(new URLSearchParams(window.location.search).get('seed'));
const backend = createInPageBackend(initial ? { initial } : {});
Object.defineProperty(window, 'flowdesk', { value: backend.bridge });
Object.defineProperty(window, 'flowdeskTest', { value: backend });
// As the app's renderer entry (src/renderer/main.tsx) does.
prefetchFirstScreen();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
