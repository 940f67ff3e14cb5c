import { useId, useState } from 'react';
import {
  PROXY_PROTOCOLS,
  PROXY_PROTOCOLS_WITH_SIGN_IN,
  validateProxyInput,
} from '@flowdesk/shared/security';
import type { ProxyInput, ProxyProtocol } from '@flowdesk/shared/security';
import type { WorkspaceService } from '@flowdesk/shared/workspace';
import { Field } from '../components/Field';
import { useFlowDesk } from '../state/use-flowdesk';
import { strings } from '../strings';

type Mode = ProxyInput['mode'];

/**
 * A service's proxy: the computer's settings, none, or its own HTTP(S)/SOCKS proxy with an
 * optional sign-in. Checked as the user types; nothing typed is lost when saving fails.
 */
export function ProxySettings({ service }: { service: WorkspaceService }) {
  const { call, inform } = useFlowDesk();
  const id = useId();
  const words = strings.proxy;
  const saved = service.proxy;
  const custom = saved.mode === 'custom' ? saved : undefined;
  const [mode, setMode] = useState<Mode>(saved.mode);
  const [protocol, setProtocol] = useState<ProxyProtocol>(custom?.protocol ?? 'http');
  const [host, setHost] = useState(custom?.host ?? '');
  const [port, setPort] = useState(custom ? String(custom.port) : '');
  const [username, setUsername] = useState(custom?.username ?? '');
  const [password, setPassword] = useState('');
  const [bypass, setBypass] = useState(custom?.bypass.join('\n') ?? '');
  const [touched, setTouched] = useState(false);

  const input: ProxyInput =
    mode === 'custom' ? { mode, protocol, host, port, username, bypass } : { mode };
  // Cheap enough to run on every keystroke.
  const check = validateProxyInput(input);
  const problem = (field: string) =>
    touched ? check.errors.find((error) => error.field === field)?.message : undefined;
  const isolated = service.isolation === 'isolated';
  const signIn = PROXY_PROTOCOLS_WITH_SIGN_IN.includes(protocol);

  const save = async (forgetPassword = false) => {
    setTouched(true);
    if (!check.valid) return;
    const typed = password === '' ? undefined : password;
    const result = await call('services:set-proxy', {
      serviceId: service.id,
      proxy: input,
      ...(forgetPassword ? { password: null } : typed === undefined ? {} : { password: typed }),
    });
    if (result) {
      setPassword('');
      inform(words.saved(service.name));
    }
  };

  return (
    <form
      className="proxy-settings"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-title`}>{words.title}</h2>
      {!isolated ? <p className="hint">{words.needsIsolation}</p> : null}
      <fieldset className="choices">
        <legend className="visually-hidden">{words.title}</legend>
        {(['system', 'direct', 'custom'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === choice}
              disabled={choice !== 'system' && !isolated}
              onChange={() => setMode(choice)}
            />
            {words.modes[choice]}
          </label>
        ))}
      </fieldset>
      {mode === 'custom' ? (
        <div className="proxy-fields">
          <div className="field">
            <label htmlFor={`${id}-protocol`}>{words.protocol}</label>
            <select
              id={`${id}-protocol`}
              value={protocol}
              onChange={(event) => setProtocol(event.target.value as ProxyProtocol)}
            >
              {PROXY_PROTOCOLS.map((option) => (
                <option key={option} value={option}>
                  {words.protocolNames[option]}
                </option>
              ))}
            </select>
          </div>
          <Field id={`${id}-host`} label={words.host} problem={problem('host')}>
            <input
              id={`${id}-host`}
              value={host}
              placeholder={words.hostPlaceholder}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={problem('host') ? true : undefined}
              aria-describedby={`${id}-host-message`}
              onChange={(event) => setHost(event.target.value)}
              onBlur={() => setTouched(true)}
            />
          </Field>
          <Field id={`${id}-port`} label={words.port} problem={problem('port')}>
            <input
              id={`${id}-port`}
              value={port}
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={problem('port') ? true : undefined}
              aria-describedby={`${id}-port-message`}
              onChange={(event) => setPort(event.target.value)}
              onBlur={() => setTouched(true)}
            />
          </Field>
          <Field
            id={`${id}-username`}
            label={words.username}
            problem={problem('username')}
            warning={signIn ? undefined : words.usernameSocks}
          >
            <input
              id={`${id}-username`}
              value={username}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={problem('username') ? true : undefined}
              aria-describedby={`${id}-username-message`}
              onChange={(event) => setUsername(event.target.value)}
            />
          </Field>
          {signIn && username.trim() !== '' ? (
            <Field
              id={`${id}-password`}
              label={words.password}
              warning={custom?.passwordStored ? words.passwordStored : words.passwordHint}
            >
              <input
                id={`${id}-password`}
                type="password"
                value={password}
                autoComplete="new-password"
                maxLength={1024}
                aria-describedby={`${id}-password-message`}
                onChange={(event) => setPassword(event.target.value)}
              />
            </Field>
          ) : null}
          <Field
            id={`${id}-bypass`}
            label={words.bypass}
            problem={problem('bypass')}
            warning={words.bypassHint}
          >
            <textarea
              id={`${id}-bypass`}
              value={bypass}
              rows={3}
              spellCheck={false}
              aria-invalid={problem('bypass') ? true : undefined}
              aria-describedby={`${id}-bypass-message`}
              onChange={(event) => setBypass(event.target.value)}
            />
          </Field>
        </div>
      ) : null}
      <div className="actions start">
        <button type="submit" className="primary" disabled={touched && !check.valid}>
          {words.save}
        </button>
        {mode === 'custom' && custom?.passwordStored ? (
          <button type="button" onClick={() => void save(true)}>
            {words.forgetPassword}
          </button>
        ) : null}
      </div>
    </form>
  );
}
