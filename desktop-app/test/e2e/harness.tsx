import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../src/renderer/App';
import { createInPageBackend } from '../support/in-page-backend';

/**
 * The app UI in a plain browser page, with window.flowdesk served by the in-page stand-in
 * instead of the preload. Tests reach the stand-in through window.flowdeskTest.
 */
const backend = createInPageBackend();
Object.defineProperty(window, 'flowdesk', { value: backend.bridge });
Object.defineProperty(window, 'flowdeskTest', { value: backend });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
