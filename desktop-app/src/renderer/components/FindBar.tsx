import { useEffect, useRef, useState } from 'react';
import type { IpcEvent } from '@flowdesk/shared/ipc';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';

/** Find in page, above the service page: Enter / Shift+Enter step through matches, Esc closes. */
export function FindBar({ serviceId, onClose }: { serviceId: string; onClose: () => void }) {
  const { call } = useFlowDesk();
  const [text, setText] = useState('');
  const [result, setResult] = useState<IpcEvent<'find:result'> | undefined>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    const off = window.flowdesk.on('find:result', (found) => {
      if (found.serviceId === serviceId) setResult(found);
    });
    return () => {
      off();
      void window.flowdesk.invoke('views:stop-find', { serviceId });
    };
  }, [serviceId]);

  const find = (forward: boolean, findNext: boolean, query = text) => {
    if (query === '') {
      setResult(undefined);
      void call('views:stop-find', { serviceId });
      return;
    }
    void call('views:find', { serviceId, text: query, forward, findNext });
  };

  return (
    <div className="find-bar" role="search" aria-label={strings.find.label}>
      <input
        ref={input}
        type="search"
        aria-label={strings.find.placeholder}
        placeholder={strings.find.placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          find(true, false, event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            find(!event.shiftKey, true);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <output aria-live="polite">
        {result && text ? strings.find.matches(result.activeMatch, result.matches) : ''}
      </output>
      <button type="button" aria-label={strings.find.previous} onClick={() => find(false, true)}>
        ↑
      </button>
      <button type="button" aria-label={strings.find.next} onClick={() => find(true, true)}>
        ↓
      </button>
      <button type="button" aria-label={strings.close} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
