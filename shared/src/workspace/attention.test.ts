import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  badgeText,
  isDoNotDisturbActive,
  mayNotify,
  serviceUnread,
  totalUnread,
  workspaceUnread,
} from './attention';
import { workspaceSchema } from './schemas';

const createdAt = '2026-11-24T10:00:00.000Z';
const workspace = (services: { id: string; showBadge?: boolean; muted?: boolean }[]) =>
  workspaceSchema.parse({
    id: 'w1',
    name: 'Work',
    createdAt,
    services: services.map((service) => ({
      id: service.id,
      type: 'slack',
      name: service.id,
      url: 'https://app.slack.com/client',
      createdAt,
      notifications: { showBadge: service.showBadge ?? true, muted: service.muted ?? false },
    })),
  });

describe('unread totals', () => {
  const states: Record<string, { unread?: number; needsAttention?: boolean }> = {
    a: { unread: 3 },
    b: { unread: 0, needsAttention: true },
    c: { unread: 7 },
  };
  const lookup = (id: string) => states[id];

  it('sums counts of services that show a badge and skips hidden badges', () => {
    const work = workspace([{ id: 'a' }, { id: 'b' }, { id: 'c', showBadge: false }]);
    expect(workspaceUnread(work, lookup)).toEqual({ count: 3, attention: true });
    expect(serviceUnread(work.services[2]!, lookup)).toEqual({ count: 0, attention: false });
  });

  it('counts attention only when there is no number to show', () => {
    expect(
      serviceUnread(workspace([{ id: 'a' }]).services[0]!, () => ({
        unread: 2,
        needsAttention: true,
      })),
    ).toEqual({ count: 2, attention: false });
  });

  it('counts unknown services as nothing and adds up every workspace', () => {
    const one = workspace([{ id: 'a' }, { id: 'x' }]);
    const two = { ...workspace([{ id: 'c' }]), id: 'w2' };
    expect(totalUnread({ workspaces: [one, two] }, lookup)).toEqual({
      count: 10,
      attention: false,
    });
  });

  it('keeps badges short', () => {
    expect(badgeText(5)).toBe('5');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('do not disturb', () => {
  // 2026-11-27 is a Friday (day 5).
  const at = (day: number, time: string) => new Date(`2026-11-${22 + day}T${time}:00`);
  const scheduled = (start: string, end: string, days = [1, 2, 3, 4, 5]) => ({
    enabled: true,
    schedule: { days, start, end },
  });

  it('is off unless enabled, and always on when enabled without a schedule', () => {
    expect(isDoNotDisturbActive({ enabled: false }, at(5, '23:00'))).toBe(false);
    expect(isDoNotDisturbActive({ enabled: true }, at(5, '12:00'))).toBe(true);
  });

  it('applies daytime quiet hours on the listed days only', () => {
    const dnd = scheduled('12:00', '13:00');
    expect(isDoNotDisturbActive(dnd, at(3, '12:30'))).toBe(true);
    expect(isDoNotDisturbActive(dnd, at(3, '13:00'))).toBe(false);
    expect(isDoNotDisturbActive(dnd, at(3, '11:59'))).toBe(false);
    expect(isDoNotDisturbActive(dnd, at(6, '12:30'))).toBe(false);
  });

  it('runs overnight hours past midnight into the next day', () => {
    const dnd = scheduled('22:00', '07:00', [5]);
    expect(isDoNotDisturbActive(dnd, at(5, '23:30'))).toBe(true);
    expect(isDoNotDisturbActive(dnd, at(6, '06:59'))).toBe(true);
    expect(isDoNotDisturbActive(dnd, at(6, '07:00'))).toBe(false);
    expect(isDoNotDisturbActive(dnd, at(5, '06:00'))).toBe(false);
  });

  it('treats equal start and end as the whole day', () => {
    expect(isDoNotDisturbActive(scheduled('00:00', '00:00', [0]), at(0, '15:00'))).toBe(true);
    expect(isDoNotDisturbActive(scheduled('00:00', '00:00', [0]), at(1, '15:00'))).toBe(false);
  });

  it('is never active on a day that is not listed, nor the morning after one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 23 }),
        (hour, minute, startHour, endHour) => {
          const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
          const dnd = scheduled(clock(startHour), clock(endHour), []);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          return !isDoNotDisturbActive(dnd, at(4, time));
        },
      ),
    );
  });

  it('lets a service notify only when nothing holds it back', () => {
    const work = workspace([{ id: 'a' }, { id: 'b', muted: true }]);
    const noon = at(3, '12:00');
    expect(mayNotify(work, work.services[0]!, noon)).toBe(true);
    expect(mayNotify(work, work.services[1]!, noon)).toBe(false);
    const quiet = workspaceSchema.parse({ ...work, settings: { doNotDisturb: { enabled: true } } });
    expect(mayNotify(quiet, work.services[0]!, noon)).toBe(false);
    const off = workspaceSchema.parse({ ...work, settings: { notifications: { enabled: false } } });
    expect(mayNotify(off, work.services[0]!, noon)).toBe(false);
  });
});
