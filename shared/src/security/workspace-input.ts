import { z } from 'zod';
import { fieldErrorsFromZod, invalid, valid } from '../core';
import type { FieldError, ValidationResult } from '../core';
import {
  CUSTOM_SERVICE_ID,
  getServiceDefinition,
  navigationScopeFor,
  resolveServiceUrl,
} from '../catalog';
import type { ServiceDefinition } from '../catalog';
import { HEX_COLOR_PATTERN } from '../catalog/color';
import { validateServiceName, validateWorkspaceName } from './name';
import { MAX_SERVICES_PER_WORKSPACE } from '../workspace/schemas';
import type { ServiceConfig } from '../workspace/schemas';
import { isOriginInScope } from './origin';
import { validateServiceUrl } from './url';

/** An uploaded icon travels as a data URL; bigger images are resized by the UI before this. */
export const MAX_CUSTOM_ICON_BYTES = 256 * 1024;

/**
 * Raster images only: an SVG can carry script and external references, so custom icons are
 * never SVG. The payload must be base64.
 */
const ICON_DATA_URL = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

// zod 4 only carries `params` on refinements, so rules with their own code are refinements.
const color = z
  .string({ error: 'Pick a colour.' })
  .refine((value) => HEX_COLOR_PATTERN.test(value), {
    error: 'Use a colour like #1a2b3c.',
    params: { code: 'COLOR_INVALID' },
  });

const customIcon = z
  .string({ error: 'The icon must be an image.' })
  .refine((value) => value.length <= Math.ceil((MAX_CUSTOM_ICON_BYTES * 4) / 3) + 64, {
    error: `Use an icon image of at most ${MAX_CUSTOM_ICON_BYTES / 1024} KB.`,
    params: { code: 'ICON_TOO_LARGE' },
    abort: true,
  })
  .refine((value) => ICON_DATA_URL.test(value), {
    error: 'Use a PNG, JPEG or WebP image for the icon.',
    params: { code: 'ICON_INVALID' },
  });

/** The shape of one service in a creation request; meaning is checked after the shape. */
export const serviceInputSchema = z.object({
  type: z
    .string({ error: 'Choose a service from the catalog, or Custom Service for any web app.' })
    .max(100),
  name: z.unknown().optional(),
  url: z.unknown().optional(),
  tenant: z.string({ error: 'Enter your site name as text.' }).max(253).optional(),
  isolation: z
    .enum(['shared', 'isolated'], {
      error: 'Choose whether the service shares its sign-in with the workspace or is isolated.',
    })
    .optional(),
  customIcon: customIcon.optional(),
  customColor: color.optional(),
});

/** The shape of a workspace creation request, as the UI, an import or a policy sends it. */
export const workspaceInputSchema = z.object(
  {
    name: z.unknown(),
    color: color.optional(),
    services: z
      .array(serviceInputSchema, { error: 'Services must be a list.' })
      .refine((services) => services.length <= MAX_SERVICES_PER_WORKSPACE, {
        error: `A workspace holds at most ${MAX_SERVICES_PER_WORKSPACE} services.`,
        params: { code: 'WORKSPACE_TOO_MANY_SERVICES' },
      })
      .optional(),
  },
  { error: 'The workspace details are missing.' },
);

export type ServiceInput = z.input<typeof serviceInputSchema>;
export type WorkspaceInput = z.input<typeof workspaceInputSchema>;

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
