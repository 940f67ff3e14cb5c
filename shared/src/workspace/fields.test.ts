import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rememberPassing, storedName, storedServiceUrl } from './fields';

describe('rememberPassing', () => {
  it('answers as the check does, and runs it once per passing value', () => {
    const calls: string[] = [];
    const check = rememberPassing((value) => {
      calls.push(value);
      return value.startsWith('ok');
    });
    expect([check('ok-1'), check('ok-1'), check('bad'), check('bad')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // Failures are checked again each time; passes once.
    expect(calls).toEqual(['ok-1', 'bad', 'bad']);
  });

  it('forgets the oldest pass beyond its capacity', () => {
    const calls: string[] = [];
    const check = rememberPassing((value) => {
      calls.push(value);
      return true;
    }, 2);
    check('a');
    check('b');
    check('c');
    check('b');
    check('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('never changes what the stored fields accept', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string({ maxLength: 60 })), (value) => {
        const first = storedServiceUrl.safeParse(value).success;
        return storedServiceUrl.safeParse(value).success === first;
      }),
    );
    expect(storedName.safeParse('Slack').success).toBe(true);
    expect(storedName.safeParse(' Slack').success).toBe(false);
    expect(storedServiceUrl.safeParse('javascript:alert(1)').success).toBe(false);
    expect(storedServiceUrl.safeParse('https://app.slack.com/').success).toBe(true);
  });
});
