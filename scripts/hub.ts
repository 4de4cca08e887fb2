import 'reflect-metadata';
import { buildHubProgram } from '../src/cli/hub.program';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/infra/logger';
import { openHubRuntime } from '../src/runtime/hub-runtime';
import { exitOnBootError } from '../src/runtime/shutdown';

/** `npm run hub -- <command>`: the operator CLI. */
const program = buildHubProgram(async () => {
  const config = loadConfig();
  return openHubRuntime(config, createLogger(process.env.LOG_LEVEL ?? 'warn', 'techfin-hub-cli'));
});
program.parseAsync(process.argv).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => exitOnBootError(error, 'hub'),
);
