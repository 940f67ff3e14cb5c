import { useId, useMemo, useState } from 'react';
import type { ViewState } from '@flowdesk/shared/ipc';
import type { IpcRequestInput } from '@flowdesk/shared/ipc';
import {
  serviceInputSchema,
  validateServiceInput,
  validateServiceName,
} from '@flowdesk/shared/security';
import { HIBERNATION_LIMITS } from '@flowdesk/shared/workspace';
import type { Workspace, WorkspaceService } from '@flowdesk/shared/workspace';
import { Field } from '../components/Field';
import { ServiceIcon } from '../components/ServiceIcon';
import { strings } from '../strings';
import { useCoversContent } from '../state/overlay';
import { useFlowDesk } from '../state/use-flowdesk';
import { ProxySettings } from './ProxySettings';
import { Toggle } from '../components/Toggle';

type ServicePatch = IpcRequestInput<'services:update'>['patch'];

/**
 * One service's settings: name, address, sign-in isolation, notifications, sound, sleep, user
 * agent, zoom, remembered permissions (each can be revoked), and clearing its data.
 */
export function ServiceSettings({
  workspace,
  service,
  view,
  onClearData,
  onRemove,
  onClose,
}: {
  workspace: Workspace;
  service: WorkspaceService;
  view: ViewState | undefined;
  onClearData: () => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  useCoversContent();
  const { call, inform } = useFlowDesk();
  const id = useId();
  const words = strings.service;
  const [name, setName] = useState(service.name);
  const [url, setUrl] = useState(service.url);
  const [userAgent, setUserAgent] = useState(service.userAgent ?? '');
  const nameCheck = useMemo(() => validateServiceName(name), [name]);
  const urlCheck = useMemo(() => {
    const shape = serviceInputSchema.safeParse({ type: service.type, name: service.name, url });
    return shape.success ? validateServiceInput(shape.data, 'service') : undefined;
  }, [service.type, service.name, url]);
  const urlProblem = urlCheck?.errors.find((error) => error.field === 'service.url')?.message;
  const nameProblem = nameCheck.valid ? undefined : nameCheck.errors[0]?.message;

  const update = async (patch: ServicePatch) => {
    const saved = await call('services:update', { serviceId: service.id, patch });
    if (saved) inform(words.saved);
  };

  return (
    <div className="page service-settings">
      <header>
        <ServiceIcon source={service} size={40} />
        <h1>{words.title(service.name)}</h1>
        <button type="button" onClick={onClose}>
          {strings.close}
        </button>
      </header>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const patch: ServicePatch = {};
          if (name !== service.name && !nameProblem) patch.name = name;
          if (url !== service.url && !urlProblem) patch.url = url;
          const agent = userAgent.trim();
          if (agent !== (service.userAgent ?? '')) patch.userAgent = agent === '' ? null : agent;
          if (Object.keys(patch).length > 0) void update(patch);
        }}
      >
        <Field id={`${id}-name`} label={words.name} problem={nameProblem}>
          <input
            id={`${id}-name`}
            value={name}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={`${id}-name-message`}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field id={`${id}-url`} label={words.url} problem={urlProblem}>
          <input
            id={`${id}-url`}
            value={url}
            inputMode="url"
            aria-invalid={urlProblem ? true : undefined}
            aria-describedby={`${id}-url-message`}
            onChange={(event) => setUrl(event.target.value)}
          />
        </Field>
        <Field id={`${id}-agent`} label={words.userAgent} warning={words.userAgentHint}>
          <input
            id={`${id}-agent`}
            value={userAgent}
            maxLength={512}
            aria-describedby={`${id}-agent-message`}
            onChange={(event) => setUserAgent(event.target.value)}
          />
        </Field>
        <div className="actions start">
          <button type="submit" className="primary" disabled={Boolean(nameProblem || urlProblem)}>
            {strings.save}
          </button>
        </div>
      </form>

      <fieldset className="isolation">
        <legend>{strings.isolation}</legend>
        {(['shared', 'isolated'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${id}-isolation`}
              checked={service.isolation === choice}
              onChange={() => void update({ isolation: choice })}
            />
            {choice === 'shared'
              ? `${strings.isolationShared} (${workspace.name})`
              : strings.isolationIsolated}
          </label>
        ))}
        <p className="hint">{words.isolationChange}</p>
      </fieldset>

      <Toggle
        label={words.notifications}
        checked={service.notifications.enabled}
        onChange={(enabled) => void update({ notifications: { enabled } })}
      />
      <Toggle
        label={words.muted}
        checked={service.notifications.muted}
        onChange={(muted) => void update({ notifications: { muted } })}
      />
      <Toggle
        label={words.showBadge}
        checked={service.notifications.showBadge}
        onChange={(showBadge) => void update({ notifications: { showBadge } })}
      />
      <Toggle
        label={words.audioMuted}
        checked={service.audioMuted}
        onChange={(audioMuted) => void update({ audioMuted })}
      />
      <Toggle
        label={words.keepAlive}
        checked={service.hibernation.keepAlive}
        onChange={(keepAlive) => void update({ hibernation: { keepAlive } })}
      />
      <MemoryCeilingField
        value={service.hibernation.memoryCeilingMb}
        onSave={(memoryCeilingMb) => void update({ hibernation: { memoryCeilingMb } })}
      />

      <div className="field zoom" role="group" aria-label={words.zoom}>
        <span>{words.zoom}</span>
        <button
          type="button"
          aria-label={words.zoomOut}
          onClick={() => void call('views:zoom', { serviceId: service.id, direction: 'out' })}
        >
          −
        </button>
        <output aria-live="polite">{Math.round(service.zoomFactor * 100)} %</output>
        <button
          type="button"
          onClick={() => void call('views:zoom', { serviceId: service.id, direction: 'in' })}
          aria-label={words.zoomIn}
        >
          +
        </button>
        <button
          type="button"
          onClick={() => void call('views:zoom', { serviceId: service.id, direction: 'reset' })}
        >
          {words.zoomReset}
        </button>
      </div>

      <ProxySettings service={service} />

      <h2>{words.permissions}</h2>
      {service.permissions.length === 0 ? (
        <p className="empty">{words.noPermissions}</p>
      ) : (
        <ul className="permissions">
          {service.permissions.map((grant) => {
            const what = strings.permissionNames[grant.permission] ?? grant.permission;
            return (
              <li key={`${grant.permission}-${grant.origin ?? ''}`}>
                <span>
                  {what}: {grant.decision === 'granted' ? words.granted : words.denied}
                  {grant.origin ? ` (${grant.origin})` : ''}
                </span>
                <button
                  type="button"
                  onClick={() =>
                    void call('permissions:revoke', {
                      serviceId: service.id,
                      permission: grant.permission,
                    })
                  }
                >
                  {words.revoke(what)}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <h2>{words.dangerZone}</h2>
      <div className="actions start">
        <button type="button" className="danger" onClick={onClearData}>
          {strings.clearData}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {strings.menu.remove}
        </button>
      </div>
      {view?.memoryMb !== undefined ? (
        <p className="hint">{words.memory(Math.round(view.memoryMb))}</p>
      ) : null}
    </div>
  );
}

/** A service's own memory ceiling; empty means none. Saved when the field is left. */
function MemoryCeilingField({
  value,
  onSave,
}: {
  value: number | undefined;
  onSave: (ceilingMb: number | null) => void;
}) {
  const id = useId();
  const words = strings.service;
  const saved = value === undefined ? '' : String(value);
  const [text, setText] = useState(saved);
  const { min, max } = HIBERNATION_LIMITS.memoryCeilingMb;
  const trimmed = text.trim();
  const number = Number(trimmed);
  const valid = trimmed === '' || (/^\d+$/.test(trimmed) && number >= min && number <= max);
  return (
    <Field
      id={id}
      label={words.memoryCeiling}
      problem={valid ? undefined : words.memoryCeilingRange(min, max)}
      warning={words.memoryCeilingHint}
    >
      <input
        id={id}
        inputMode="numeric"
        placeholder="—"
        value={text}
        aria-invalid={valid ? undefined : true}
        aria-describedby={`${id}-message`}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (!valid || trimmed === saved) return;
          onSave(trimmed === '' ? null : number);
        }}
      />
    </Field>
  );
}
