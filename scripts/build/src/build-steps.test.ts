import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSourceMaps, realBuildSteps } from './build-steps';

describe('the real build steps', () => {
  it('run a command to the end and give its exit code, or fail when it cannot start', async () => {
    const cwd = tmpdir();
    expect(
      await realBuildSteps.run(process.execPath, ['-e', 'process.exit(3)'], {
        cwd,
        env: process.env,
      }),
    ).toBe(3);
    expect(await realBuildSteps.run(process.execPath, ['-e', ''], { cwd, env: process.env })).toBe(
      0,
    );
    await expect(
      realBuildSteps.run('flowdesk-no-such-command', [], { cwd, env: process.env }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    expect(realBuildSteps.now()).toBeGreaterThan(0);
  });

  it('collect no source maps from a folder that is not there', () => {
    const root = mkdtempSync(join(tmpdir(), 'flowdesk-maps-'));
    expect(collectSourceMaps(join(root, 'missing'), join(root, 'to'))).toBe(0);
    rmSync(root, { recursive: true });
  });
});
