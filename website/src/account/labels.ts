import type { Plan } from '@flowdesk/shared/licensing';

/** Words the account pages show for stored values. */

const PLATFORM_NAMES: Record<string, string> = {
  darwin: 'macOS',
  win32: 'Windows',
  linux: 'Linux',
  ios: 'iOS',
  android: 'Android',
};

export const platformName = (platform: string) => PLATFORM_NAMES[platform] ?? platform;

export const planName = (plan: Plan) => plan.charAt(0).toUpperCase() + plan.slice(1);

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export const formatDateTime = (date: Date) => `${dateTime.format(date)} UTC`;
