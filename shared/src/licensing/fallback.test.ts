import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planLocks } from './fallback';
import { PLAN_ENTITLEMENTS } from './plans';

const workspace = (id: string, services: number) => ({
  id,
  services: Array.from({ length: services }, (_, index) => ({ id: `${id}-s${index}` })),
});

describe('fallback mode', () => {
  it('locks workspaces and services past the plan’s limits, in the user’s order', () => {
    const limits = { maxWorkspaces: 2, maxServicesPerWorkspace: 3 };
    expect(planLocks([workspace('a', 4), workspace('b', 1), workspace('c', 2)], limits)).toEqual({
      workspaceIds: ['c'],
      serviceIds: ['a-s3', 'c-s0', 'c-s1'],
    });
  });

  it('locks nothing on an unlimited plan or within the limits', () => {
    const many = Array.from({ length: 30 }, (_, index) => workspace(`w${index}`, 40));
    expect(planLocks(many, PLAN_ENTITLEMENTS.enterprise)).toEqual({
      workspaceIds: [],
      serviceIds: [],
    });
    expect(planLocks([workspace('a', 2)], PLAN_ENTITLEMENTS.free)).toEqual({
      workspaceIds: [],
      serviceIds: [],
    });
  });

  it('always leaves exactly what the limits allow usable, and locks only what exists (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 12 }), { maxLength: 12 }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
        (sizes, maxWorkspaces, maxServicesPerWorkspace) => {
          const workspaces = sizes.map((size, index) => workspace(`w${index}`, size));
          const locks = planLocks(workspaces, { maxWorkspaces, maxServicesPerWorkspace });
          const usable = workspaces.filter((w) => !locks.workspaceIds.includes(w.id));
          expect(usable.length).toBe(Math.min(workspaces.length, maxWorkspaces ?? Infinity));
          for (const w of usable) {
            const open = w.services.filter((s) => !locks.serviceIds.includes(s.id)).length;
            expect(open).toBe(Math.min(w.services.length, maxServicesPerWorkspace ?? Infinity));
          }
          const all = new Set(workspaces.flatMap((w) => w.services.map((s) => s.id)));
          expect(locks.serviceIds.every((id) => all.has(id))).toBe(true);
        },
      ),
    );
  });
});
