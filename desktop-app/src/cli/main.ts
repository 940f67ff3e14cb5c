import { runBackupCli } from './flowdesk-backup';

// The command's entry point (bin "flowdesk-backup"); everything else is in flowdesk-backup.ts.
const code = await runBackupCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
