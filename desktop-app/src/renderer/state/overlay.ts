import { createContext, useContext, useEffect } from 'react';

/**
 * Service pages are native views laid over the content area, above any HTML there. While a
 * dialog or a settings page is open the app hides the active view, so nothing the user must
 * see or answer ends up underneath a web page.
 */
export const CoverContext = createContext<(delta: number) => void>(() => undefined);

export function useCoversContent(active = true): void {
  const change = useContext(CoverContext);
  useEffect(() => {
    if (!active) return;
    change(1);
    return () => change(-1);
  }, [active, change]);
}
