// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { reportUiErrors } from './report-errors';

describe('the UI’s uncaught errors', () => {
  it('go to the main process’s log, with where they happened, until stopped', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true as const, value: null }));
    const stop = reportUiErrors(window, { invoke } as never);
    const error = new TypeError('x is undefined');
    window.dispatchEvent(
      new ErrorEvent('error', {
        error,
        message: error.message,
        filename: 'app://flowdesk/index.js',
        lineno: 3,
        colno: 7,
      }),
    );
    const rejection = new Event('unhandledrejection') as Event & { reason: unknown };
    rejection.reason = 'plain text';
    window.dispatchEvent(rejection);
    await Promise.resolve();
    expect(invoke).toHaveBeenNthCalledWith(1, 'log:write', {
      level: 'error',
      message: 'Uncaught TypeError: x is undefined',
      context: expect.objectContaining({
        source: 'app://flowdesk/index.js:3:7',
        stack: expect.any(String) as string,
      }) as object,
    });
    expect(invoke).toHaveBeenNthCalledWith(2, 'log:write', {
      level: 'error',
      message: 'Unhandled rejection: plain text',
      context: {},
    });
    stop();
    window.dispatchEvent(new ErrorEvent('error', { message: 'after' }));
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('never throws when the main process cannot take them', async () => {
    const invoke = vi.fn(() => Promise.reject(new Error('gone')));
    const stop = reportUiErrors(window, { invoke });
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom' }));
    await Promise.resolve();
    expect(invoke).toHaveBeenCalledOnce();
    stop();
  });
});
