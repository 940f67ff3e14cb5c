import { useState } from 'react';
import type { FormEvent } from 'react';
import { strings } from '../strings';
import { useCoversContent } from '../state/overlay';

/** Shown instead of the whole app while it is locked; only the password gets past it. */
export function LockScreen() {
  useCoversContent();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || password === '') return;
    setBusy(true);
    const answer = await window.flowdesk.invoke('lock:unlock', { password });
    setBusy(false);
    if (answer.ok) return;
    setProblem(answer.error.message);
    setPassword('');
  };
  return (
    <main className="lock-screen">
      <form onSubmit={(event) => void submit(event)} aria-label={strings.lock.title}>
        <h1>{strings.lock.title}</h1>
        <label htmlFor="unlock-password">{strings.lock.password}</label>
        <input
          id="unlock-password"
          type="password"
          autoFocus
          autoComplete="current-password"
          value={password}
          aria-invalid={problem ? true : undefined}
          aria-describedby="unlock-message"
          onChange={(event) => setPassword(event.target.value)}
        />
        <p id="unlock-message" className={problem ? 'problem' : 'hint'} role="status">
          {problem ?? strings.lock.hint}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {strings.lock.unlock}
        </button>
      </form>
    </main>
  );
}
