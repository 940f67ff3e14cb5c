import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { reportUiErrors } from './state/report-errors';
import { prefetchFirstScreen } from './state/use-flowdesk';

// Errors in this page go to the main process's log (redacted, on this computer).
reportUiErrors();
// The preload has set window.flowdesk: ask for the workspaces before React even starts.
prefetchFirstScreen();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
