import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  root: new URL('../../..', import.meta.url).pathname,
  print: (line) => console.log(line),
});
