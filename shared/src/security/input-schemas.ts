import { z } from 'zod';
import { HEX_COLOR_PATTERN } from '../catalog/color';
import { MAX_SERVICES_PER_WORKSPACE } from '../workspace/schemas';

/**
 * The shapes of workspace and service creation requests. Kept apart from their validation
 * (workspace-input.ts), which needs the catalog and the public-suffix list: the IPC contract
 * needs only these shapes, and the UI's preload stays small.
 */

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
