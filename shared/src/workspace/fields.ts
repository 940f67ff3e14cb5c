import { z } from 'zod';
import { HEX_COLOR_PATTERN } from '../catalog/color';
import { MAX_NAME_LENGTH, sanitizeServiceName } from '../security/name';
import { validateServiceUrl } from '../security/url';

/** Field schemas shared by the persisted documents. */

export const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'Use an ISO 8601 date and time.',
});

export const hexColor = z.string().refine((value) => HEX_COLOR_PATTERN.test(value), {
  error: 'Use a colour like #1a2b3c.',
  params: { code: 'COLOR_INVALID' },
});

/** A stored name must already be clean: the sanitiser leaves it unchanged. */
/**
 * Remembers values that passed a pure but costly check. The whole store is validated again on
 * every change (and on both sides of IPC), and its 600 names and addresses rarely change, so
 * each is checked once. Only passes are kept; the set is bounded.
 */
export function rememberPassing(
  check: (value: string) => boolean,
  capacity = 5000,
): (value: string) => boolean {
  const passed = new Set<string>();
  return (value) => {
    if (passed.has(value)) return true;
    if (!check(value)) return false;
    if (passed.size >= capacity) {
      const oldest = passed.values().next();
      if (!oldest.done) passed.delete(oldest.value);
    }
    passed.add(value);
    return true;
  };
}

const isStoredName = rememberPassing(
  (value) => value !== '' && sanitizeServiceName(value) === value,
);
const isStoredServiceUrl = rememberPassing(
  (value) => validateServiceUrl(value, { allowPrivateHttp: true }).valid,
);

export const storedName = z
  .string()
  .max(MAX_NAME_LENGTH * 2)
  .refine(isStoredName, {
    error: `Use a name of 1 to ${MAX_NAME_LENGTH} visible characters.`,
    params: { code: 'NAME_INVALID' },
  });

/** A stored service address passes the same gate as a typed one (private http included). */
export const storedServiceUrl = z
  .string()
  .max(4096)
  .refine(isStoredServiceUrl, {
    error: 'This is not an https:// address (or http:// on your private network).',
    params: { code: 'URL_INVALID' },
  });

/** 24-hour clock time, "HH:MM". */
export const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.');

/**
 * Memory management limits (ARCHITECTURE.md decision 4), one definition for workspace settings,
 * ProductionConfig and the IPC patches that change them.
 */
export const HIBERNATION_LIMITS = {
  idleMinutes: { min: 1, max: 24 * 60 },
  maxLiveViews: { min: 1, max: 50 },
  memoryBudgetMb: { min: 256, max: 65_536 },
  memoryCeilingMb: { min: 128, max: 16_384 },
} as const;
export const idleMinutesField = z
  .int()
  .min(HIBERNATION_LIMITS.idleMinutes.min)
  .max(HIBERNATION_LIMITS.idleMinutes.max);
export const maxLiveViewsField = z
  .int()
  .min(HIBERNATION_LIMITS.maxLiveViews.min)
  .max(HIBERNATION_LIMITS.maxLiveViews.max);
export const memoryBudgetMbField = z
  .int()
  .min(HIBERNATION_LIMITS.memoryBudgetMb.min)
  .max(HIBERNATION_LIMITS.memoryBudgetMb.max);
/** One service's memory ceiling: above it the page is reloaded or hibernated. */
export const memoryCeilingMbField = z
  .int()
  .min(HIBERNATION_LIMITS.memoryCeilingMb.min)
  .max(HIBERNATION_LIMITS.memoryCeilingMb.max);
export const HIBERNATION_DEFAULTS = {
  idleMinutes: 15,
  maxLiveViews: 6,
  memoryBudgetMb: 1500,
} as const;

/** Hours between scheduled backups: hourly to monthly. */
export const backupIntervalHoursField = z
  .int()
  .min(1, 'Back up at most once an hour.')
  .max(24 * 30, 'Back up at least once a month.');

/** How many scheduled backups to keep. */
export const backupKeepField = z
  .int()
  .min(1, 'Keep at least one backup.')
  .max(365, 'Keep at most 365 backups.');
