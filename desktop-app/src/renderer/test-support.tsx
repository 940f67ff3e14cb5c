import { configure, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createInPageBackend } from '../../test/support/in-page-backend';
import type { InPageBackendOptions } from '../../test/support/in-page-backend';
import { FlowDeskContext, useFlowDeskState } from './state/use-flowdesk';

// The suite runs beside browser tests on two cores: give findBy/waitFor room before failing.
configure({ asyncUtilTimeout: 5000 });

/**
 * Renders a piece of the UI against the in-page implementation of window.flowdesk (the real
 * main-process handlers with memory in place of files), as the app would run it.
 */
export function renderWithBackend(ui: ReactElement, options: InPageBackendOptions = {}) {
  const backend = createInPageBackend(options);
  Object.defineProperty(window, 'flowdesk', { value: backend.bridge, configurable: true });
  function Provider({ children }: { children: ReactNode }) {
    const state = useFlowDeskState();
    return <FlowDeskContext.Provider value={state}>{children}</FlowDeskContext.Provider>;
  }
  return { backend, ...render(ui, { wrapper: Provider }) };
}
