import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import {
  CATEGORIES,
  CUSTOM_SERVICE_ID,
  SERVICE_CATALOG,
  getServiceDefinition,
  searchCatalog,
} from '@flowdesk/shared/catalog';
import type { ServiceDefinition } from '@flowdesk/shared/catalog';
import type { FieldError } from '@flowdesk/shared/core';
import { serviceInputSchema, validateServiceInput } from '@flowdesk/shared/security';
import type { Isolation, Workspace } from '@flowdesk/shared/workspace';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { IconPicker } from './IconPicker';
import { ServiceIcon } from './ServiceIcon';

const CUSTOM = getServiceDefinition(CUSTOM_SERVICE_ID)!;

/** Step 1 finds a service in the catalog (by category or search); step 2 asks what it needs. */
export function AddServiceDialog({
  workspace,
  defaultIsolation,
  onClose,
}: {
  workspace: Workspace;
  defaultIsolation: Isolation;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<ServiceDefinition | undefined>();
  return (
    <Dialog label={strings.addServiceTo(workspace.name)} onClose={onClose} className="add-service">
      <h2>{strings.addServiceTo(workspace.name)}</h2>
      {chosen ? (
        <ServiceForm
          key={chosen.id}
          definition={chosen}
          workspace={workspace}
          defaultIsolation={defaultIsolation}
          onBack={() => setChosen(undefined)}
          onAdded={onClose}
        />
      ) : (
        <CatalogBrowser onChoose={setChosen} />
      )}
    </Dialog>
  );
}

function CatalogBrowser({ onChoose }: { onChoose: (definition: ServiceDefinition) => void }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const listed = SERVICE_CATALOG.filter((entry) => entry.id !== CUSTOM_SERVICE_ID);
    if (query.trim() === '') {
      return CATEGORIES.map((category) => ({
        label: category.label,
        entries: listed.filter((entry) => entry.category === category.id),
      })).filter((group) => group.entries.length > 0);
    }
    const found = searchCatalog(query).filter((entry) => entry.id !== CUSTOM_SERVICE_ID);
    return [{ label: strings.searchResults, entries: found }];
  }, [query]);
  const total = groups.reduce((sum, group) => sum + group.entries.length, 0);

  return (
    <div className="catalog">
      <input
        autoFocus
        type="search"
        aria-label={strings.searchServices}
        placeholder={strings.searchServicesPlaceholder}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <button type="button" className="catalog-entry custom" onClick={() => onChoose(CUSTOM)}>
        <ServiceIcon source={{ type: CUSTOM_SERVICE_ID, name: '+' }} />
        <span>
          <strong>{strings.customService}</strong>
          <small>{strings.customServiceHint}</small>
        </span>
      </button>
      {total === 0 ? <p className="empty">{strings.noCatalogMatch}</p> : null}
      {groups.map((group) => (
        <section key={group.label} aria-label={group.label}>
          {query.trim() === '' ? <h3>{group.label}</h3> : null}
          <ul className="catalog-grid">
            {group.entries.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="catalog-entry"
                  disabled={entry.availability !== 'web'}
                  title={entry.note ?? entry.name}
                  onClick={() => onChoose(entry)}
                >
                  <ServiceIcon source={{ type: entry.id, name: entry.name }} />
                  <span>{entry.name}</span>
                  {entry.availability !== 'web' ? <small>{strings.unavailable}</small> : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface FormValues {
  url: string;
  tenant: string;
  name: string;
  isolation: Isolation;
  customIcon: string | undefined;
  customColor: string;
}

/** The request a form would send, and its problems by field, recomputed on every keystroke. */
function check(definition: ServiceDefinition, values: FormValues) {
  const isCustom = definition.id === CUSTOM_SERVICE_ID;
  const request = {
    type: definition.id,
    isolation: values.isolation,
    ...(values.url.trim() ? { url: values.url.trim() } : {}),
    ...(definition.tenant && values.tenant.trim() ? { tenant: values.tenant.trim() } : {}),
    ...(isCustom
      ? {
          name: values.name,
          customColor: values.customColor,
          ...(values.customIcon ? { customIcon: values.customIcon } : {}),
        }
      : values.name.trim()
        ? { name: values.name }
        : {}),
  };
  const shape = serviceInputSchema.safeParse(request);
  if (!shape.success) return { request, errors: [] as FieldError[], warnings: [] as FieldError[] };
  const result = validateServiceInput(shape.data, 'service');
  return { request, errors: result.errors, warnings: result.warnings };
}

function ServiceForm({
  definition,
  workspace,
  defaultIsolation,
  onBack,
  onAdded,
}: {
  definition: ServiceDefinition;
  workspace: Workspace;
  defaultIsolation: Isolation;
  onBack: () => void;
  onAdded: () => void;
}) {
  const { call } = useFlowDesk();
  const id = useId();
  const isCustom = definition.id === CUSTOM_SERVICE_ID;
  const [values, setValues] = useState<FormValues>({
    url: '',
    tenant: '',
    name: isCustom ? '' : definition.name,
    isolation: defaultIsolation,
    customIcon: undefined,
    customColor: definition.color,
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const checked = useMemo(() => check(definition, values), [definition, values]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setTouched((current) => new Set(current).add(key));
  };
  /** A field's problem, once the user has typed there or tried to add. */
  const problem = (field: 'url' | 'name', touchedAs: keyof FormValues = field) =>
    submitted || touched.has(touchedAs)
      ? checked.errors.find((error) => error.field === `service.${field}`)
      : undefined;
  const warning = (field: 'url' | 'name') =>
    checked.warnings.find((item) => item.field === `service.${field}`);

  const selfHosted = definition.selfHosted;
  const addressField = isCustom
    ? {
        key: 'url' as const,
        label: strings.serviceAddress,
        example: strings.serviceAddressPlaceholder,
      }
    : definition.tenant
      ? {
          key: 'tenant' as const,
          label: definition.tenant.label,
          example: definition.tenant.example,
        }
      : selfHosted !== false
        ? {
            key: 'url' as const,
            label: strings.baseUrlLabel(definition.name),
            example: selfHosted.example,
          }
        : undefined;
  const urlProblem = addressField ? problem('url', addressField.key) : undefined;
  const nameProblem = problem('name');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (checked.errors.length > 0 || busy) return;
    setBusy(true);
    const added = await call('services:add', {
      workspaceId: workspace.id,
      service: checked.request,
    });
    setBusy(false);
    if (added) onAdded();
  };

  return (
    <form className="service-form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="chosen">
        <ServiceIcon
          source={{
            type: definition.id,
            name: values.name || definition.name,
            customIcon: values.customIcon,
            customColor: values.customColor,
          }}
          size={40}
        />
        <strong>{isCustom ? strings.customService : definition.name}</strong>
      </div>
      {addressField ? (
        <Field
          id={`${id}-address`}
          label={addressField.label}
          problem={urlProblem?.message}
          warning={warning('url')?.message}
        >
          <input
            id={`${id}-address`}
            autoFocus
            inputMode="url"
            placeholder={addressField.example}
            value={values[addressField.key]}
            aria-invalid={urlProblem ? true : undefined}
            aria-describedby={`${id}-address-message`}
            onChange={(event) => set(addressField.key, event.target.value)}
          />
        </Field>
      ) : null}
      <Field
        id={`${id}-name`}
        label={strings.serviceName}
        problem={nameProblem?.message}
        warning={warning('name')?.message}
      >
        <input
          id={`${id}-name`}
          autoFocus={!addressField}
          value={values.name}
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={`${id}-name-message`}
          onChange={(event) => set('name', event.target.value)}
        />
      </Field>
      {isCustom ? (
        <IconPicker
          name={values.name}
          icon={values.customIcon}
          color={values.customColor}
          onIcon={(icon) => set('customIcon', icon)}
          onColor={(color) => set('customColor', color)}
        />
      ) : null}
      <fieldset className="isolation">
        <legend>{strings.isolation}</legend>
        {(['shared', 'isolated'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${id}-isolation`}
              value={choice}
              checked={values.isolation === choice}
              onChange={() => set('isolation', choice)}
            />
            {choice === 'shared' ? strings.isolationShared : strings.isolationIsolated}
          </label>
        ))}
        <p className="hint">{strings.isolationHint}</p>
      </fieldset>
      <div className="actions">
        <button type="button" onClick={onBack}>
          {strings.back}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {strings.add}
        </button>
      </div>
    </form>
  );
}
