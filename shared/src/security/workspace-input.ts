import type { z } from 'zod';
import { fieldErrorsFromZod, invalid, valid } from '../core';
import type { FieldError, ValidationResult } from '../core';
import {
  CUSTOM_SERVICE_ID,
  getServiceDefinition,
  navigationScopeFor,
  resolveServiceUrl,
} from '../catalog';
import type { ServiceDefinition } from '../catalog';
import { validateServiceName, validateWorkspaceName } from './name';
import type { ServiceConfig } from '../workspace/schemas';
import { isOriginInScope } from './origin';
import { validateServiceUrl } from './url';

import type { serviceInputSchema } from './input-schemas';
import { workspaceInputSchema } from './input-schemas';

export { MAX_CUSTOM_ICON_BYTES, serviceInputSchema, workspaceInputSchema } from './input-schemas';
export type { ServiceInput, WorkspaceInput } from './input-schemas';

/** The seed's ServiceConfig (schema in shared/src/workspace): what a valid request becomes. */
export type ValidatedServiceConfig = ServiceConfig;

export interface ValidatedWorkspaceInput {
  name: string;
  color?: string;
  services: ValidatedServiceConfig[];
}

export interface WorkspaceInputOptions {
  /** Where service types are looked up; the built-in catalog unless a test or policy narrows it. */
  lookupService?: (type: string) => ServiceDefinition | undefined;
}

/**
 * The seed's `validateWorkspaceInput`: checks a request to create a workspace with its services
 * and returns the cleaned values, or one message per wrong field (`services.2.url`) that tells
 * the user what to change. Never throws.
 */
export function validateWorkspaceInput(
  input: unknown,
  options: WorkspaceInputOptions = {},
): ValidationResult<ValidatedWorkspaceInput> {
  const shape = workspaceInputSchema.safeParse(input);
  if (!shape.success) return invalid(fieldErrorsFromZod(shape.error).map(withStableCode));

  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const name = validateWorkspaceName(shape.data.name, 'name');
  errors.push(...name.errors);
  warnings.push(...name.warnings);

  const lookup = options.lookupService ?? getServiceDefinition;
  const services: ValidatedServiceConfig[] = [];
  const seen = new Map<string, number>();
  (shape.data.services ?? []).forEach((service, index) => {
    const checked = validateServiceInput(service, `services.${index}`, lookup);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    if (!checked.valid) return;
    const key = `${checked.value.type} ${checked.value.url}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      warnings.push({
        field: `services.${index}`,
        code: 'SERVICE_DUPLICATE',
        message: `This is the same service and address as service ${earlier + 1}.`,
      });
    } else {
      seen.set(key, index);
    }
    services.push(checked.value);
  });

  if (errors.length > 0 || !name.valid) return invalid(errors, warnings);
  const value: ValidatedWorkspaceInput = { name: name.value, services };
  if (shape.data.color !== undefined) value.color = shape.data.color;
  return valid(value, warnings);
}

/** One service of a request → its ServiceConfig, or field errors under `prefix`. */
export function validateServiceInput(
  service: z.output<typeof serviceInputSchema>,
  prefix: string,
  lookup: (type: string) => ServiceDefinition | undefined = getServiceDefinition,
): ValidationResult<ValidatedServiceConfig> {
  const definition = lookup(service.type);
  if (!definition) {
    return invalid([
      {
        field: `${prefix}.type`,
        code: 'SERVICE_TYPE_UNKNOWN',
        message: `"${service.type.slice(0, 60)}" is not in the catalog. Choose a listed service, or Custom Service for any web app.`,
      },
    ]);
  }
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];

  const url = serviceUrlFor(definition, service, `${prefix}.url`);
  errors.push(...url.errors);
  warnings.push(...url.warnings);

  const isCustom = definition.id === CUSTOM_SERVICE_ID;
  const name =
    service.name === undefined && !isCustom
      ? validateServiceName(definition.name, `${prefix}.name`)
      : validateServiceName(service.name, `${prefix}.name`);
  errors.push(...name.errors);
  warnings.push(...name.warnings);

  if (!url.valid || !name.valid) return invalid(errors, warnings);
  const config: ValidatedServiceConfig = {
    name: name.value,
    url: url.value,
    type: definition.id,
    isolation: service.isolation ?? 'shared',
  };
  if (service.customIcon !== undefined) config.customIcon = service.customIcon;
  if (service.customColor !== undefined) config.customColor = service.customColor;
  return valid(config, warnings);
}

function serviceUrlFor(
  definition: ServiceDefinition,
  service: z.output<typeof serviceInputSchema>,
  field: string,
): ValidationResult<string> {
  const fromCatalog = (input: { tenant?: string }) => {
    const resolved = resolveServiceUrl(definition, input);
    return resolved.ok
      ? valid(resolved.value)
      : invalid<string>([{ field, code: resolved.error.code, message: resolved.error.message }]);
  };
  if (definition.availability !== 'web') return fromCatalog({});
  if (service.url === undefined || service.url === '') {
    return fromCatalog(service.tenant === undefined ? {} : { tenant: service.tenant });
  }
  const selfHosted = definition.selfHosted;
  const checked = validateServiceUrl(service.url, {
    field,
    allowPrivateHttp: selfHosted !== false && selfHosted.allowHttpOnPrivateNetwork,
  });
  if (!checked.valid || selfHosted !== false) return checked;
  // A fixed service accepts any of its own addresses (a deep link), never someone else's.
  if (!isOriginInScope(checked.value, navigationScopeFor(definition))) {
    return invalid(
      [
        {
          field,
          code: 'SERVICE_URL_OUT_OF_SCOPE',
          message: `This address is not part of ${definition.name}. Add it as a Custom Service instead.`,
        },
      ],
      checked.warnings,
    );
  }
  return checked;
}

/** zod reports structural problems as INVALID_TYPE etc.; name the whole input's problem plainly. */
function withStableCode(error: FieldError): FieldError {
  return error.field === '' ? { ...error, code: 'WORKSPACE_INPUT_INVALID' } : error;
}
