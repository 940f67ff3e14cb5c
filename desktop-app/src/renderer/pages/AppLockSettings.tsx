import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { AppLockState } from '@flowdesk/shared/ipc';
import { Field } from '../components/Field';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';

const MIN_PASSWORD = 8;

/** Turns the app lock on, changes its password or auto-lock time, locks now, or turns it off. */
export function AppLockSettings({ lock }: { lock: AppLockState }) {
  const { call } = useFlowDesk();
  const id = useId();
  const words = strings.lock;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [minutes, setMinutes] = useState(lock.autoLockMinutes);
  const [submitted, setSubmitted] = useState(false);
  const tooShort = (next !== '' || submitted) && [...next].length < MIN_PASSWORD;
  const mismatch = (repeat !== '' || submitted) && repeat !== next;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (tooShort || mismatch || [...next].length < MIN_PASSWORD) return;
    const saved = await call('lock:set-password', {
      newPassword: next,
      autoLockMinutes: minutes,
      ...(lock.enabled ? { currentPassword: current } : {}),
    });
    if (saved) {
      setCurrent('');
      setNext('');
      setRepeat('');
      setSubmitted(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="app-lock">
      <h3 id={`${id}-title`}>{words.section}</h3>
      <p className="hint">{words.explanation}</p>
      {lock.enabled ? (
        <p role="status">
          {words.enabled}{' '}
          <button type="button" onClick={() => void call('lock:lock', undefined)}>
            {words.lockNow}
          </button>
        </p>
      ) : null}
      <form noValidate onSubmit={(event) => void save(event)}>
        {lock.enabled ? (
          <Field id={`${id}-current`} label={words.currentPassword}>
            <input
              id={`${id}-current`}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          </Field>
        ) : null}
        <Field
          id={`${id}-new`}
          label={words.newPassword}
          problem={tooShort ? words.tooShort : undefined}
        >
          <input
            id={`${id}-new`}
            type="password"
            autoComplete="new-password"
            value={next}
            aria-invalid={tooShort ? true : undefined}
            aria-describedby={`${id}-new-message`}
            onChange={(event) => setNext(event.target.value)}
          />
        </Field>
        <Field
          id={`${id}-repeat`}
          label={words.confirmPassword}
          problem={mismatch ? words.mismatch : undefined}
        >
          <input
            id={`${id}-repeat`}
            type="password"
            autoComplete="new-password"
            value={repeat}
            aria-invalid={mismatch ? true : undefined}
            aria-describedby={`${id}-repeat-message`}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </Field>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{words.autoLock}</label>
          <select
            id={`${id}-minutes`}
            value={minutes}
            onChange={(event) => setMinutes(Number(event.target.value))}
          >
            {words.autoLockChoices.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions start">
          <button type="submit" className="primary">
            {lock.enabled ? words.change : words.turnOn}
          </button>
          {lock.enabled ? (
            <button
              type="button"
              className="danger"
              onClick={() => void call('lock:disable', { currentPassword: current })}
            >
              {words.turnOff}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
