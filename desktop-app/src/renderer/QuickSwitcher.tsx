import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { Dialog } from './components/Dialog';
import { rankByFuzzy } from './fuzzy';
import { strings } from './strings';

interface Entry {
  serviceId: string;
  label: string;
  workspaceName: string;
  serviceName: string;
}

/** Ctrl/Cmd+K: find any service of any workspace by a few letters of its name. */
export function QuickSwitcher({
  store,
  onPick,
  onClose,
}: {
  store: WorkspaceStore;
  onPick: (serviceId: string) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const entries = useMemo<Entry[]>(
    () =>
      store.workspaces.flatMap((workspace) =>
        workspace.services.map((service) => ({
          serviceId: service.id,
          label: `${service.name} ${workspace.name}`,
          workspaceName: workspace.name,
          serviceName: service.name,
        })),
      ),
    [store],
  );
  const results = useMemo(
    () => rankByFuzzy(query, entries, (entry) => entry.label, 20),
    [query, entries],
  );

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setSelected(0), [query]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setSelected((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      const entry = results[selected];
      if (entry) onPick(entry.serviceId);
    } else if (event.key === 'Escape') {
      onClose();
    }
  };

  return (
    <Dialog label={strings.quickSwitcher} onClose={onClose} className="quick-switcher">
      <input
        ref={input}
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-switcher-results"
        aria-activedescendant={
          results[selected] ? `quick-${results[selected].serviceId}` : undefined
        }
        aria-label={strings.quickSwitcherInput}
        placeholder={strings.quickSwitcherPlaceholder}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id="quick-switcher-results" role="listbox" aria-label={strings.quickSwitcherResults}>
        {results.map((entry, index) => (
          <li
            key={entry.serviceId}
            id={`quick-${entry.serviceId}`}
            role="option"
            aria-selected={index === selected}
            onMouseEnter={() => setSelected(index)}
            onClick={() => onPick(entry.serviceId)}
          >
            <span className="name">{entry.serviceName}</span>
            <span className="state">{entry.workspaceName}</span>
          </li>
        ))}
        {results.length === 0 ? <li className="empty">{strings.quickSwitcherEmpty}</li> : null}
      </ul>
    </Dialog>
  );
}
