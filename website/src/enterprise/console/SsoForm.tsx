'use client';

import { useState, useTransition } from 'react';
import type { AdminResult } from '../console-session';
import { fieldClass, primaryButtonClass } from './classes';
import { ResultMessage } from './ResultMessage';
import type { ResultText } from './ResultMessage';

/**
 * The organization's single sign-on: SAML (metadata URL, optional certificate) or OIDC
 * (discovery URL, client ID and secret). The secret is sent to Clerk and never shown again.
 */
export function SsoForm({
  current,
  save,
}: {
  current: {
    provider: 'saml' | 'oidc';
    domain: string;
    endpoint: string;
    required: boolean;
  } | null;
  save: (input: unknown) => Promise<AdminResult<undefined>>;
}) {
  const [provider, setProvider] = useState<'saml' | 'oidc' | 'ldap'>(current?.provider ?? 'saml');
  const [domain, setDomain] = useState(current?.domain ?? '');
  const [endpoint, setEndpoint] = useState(current?.endpoint ?? '');
  const [certificate, setCertificate] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [required, setRequired] = useState(current?.required ?? false);
  const [message, setMessage] = useState<ResultText | null>(null);
  const [pending, start] = useTransition();
  const field = fieldClass;
  return (
    <form
      aria-label="Single sign-on settings"
      className="mt-4 space-y-4 rounded-lg border border-neutral-200 p-6 dark:border-neutral-800"
      onSubmit={(event) => {
        event.preventDefault();
        start(async () => {
          const answer = await save({
            provider,
            domain,
            endpoint,
            required,
            ...(certificate ? { certificate } : {}),
            ...(clientId ? { clientId } : {}),
            ...(clientSecret ? { clientSecret } : {}),
          });
          setMessage(
            answer.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: answer.message },
          );
        });
      }}
    >
      <label className="block text-sm">
        Protocol
        <select
          className={field}
          value={provider}
          onChange={(event) => setProvider(event.target.value as typeof provider)}
        >
          <option value="saml">SAML 2.0</option>
          <option value="oidc">OpenID Connect</option>
          <option value="ldap">LDAP</option>
        </select>
      </label>
      <label className="block text-sm">
        Email domain
        <input
          className={field}
          value={domain}
          onChange={(event) => setDomain(event.target.value)}
          placeholder="acme.com"
          required
        />
      </label>
      <label className="block text-sm">
        {provider === 'oidc' ? 'Discovery URL' : 'Metadata URL'}
        <input
          className={field}
          type="url"
          value={endpoint}
          onChange={(event) => setEndpoint(event.target.value)}
          placeholder="https://"
          required
        />
      </label>
      {provider === 'saml' ? (
        <label className="block text-sm">
          Signing certificate (PEM, optional when the metadata has it)
          <textarea
            className={field}
            rows={3}
            value={certificate}
            onChange={(event) => setCertificate(event.target.value)}
          />
        </label>
      ) : null}
      {provider === 'oidc' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm">
            Client ID
            <input
              className={field}
              value={clientId}
              onChange={(event) => setClientId(event.target.value)}
            />
          </label>
          <label className="block text-sm">
            Client secret
            <input
              className={field}
              type="password"
              autoComplete="off"
              value={clientSecret}
              onChange={(event) => setClientSecret(event.target.value)}
            />
          </label>
        </div>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={required}
          onChange={(event) => setRequired(event.target.checked)}
        />
        Require single sign-on: members&apos; devices keep their license only while their account
        uses this connection
      </label>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Saving…' : 'Save'}
      </button>
      <div aria-live="polite">
        <ResultMessage message={message} />
      </div>
    </form>
  );
}
