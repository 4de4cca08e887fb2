import pino from 'pino';
import { createSandbox } from './sandbox';
import { sandboxConfigFromEnv } from './sandbox-env';

/** `npm run sandbox`: the four simulated agencies on one port, configured by SANDBOX_* variables. */
async function main(): Promise<void> {
  const log = pino({ name: 'sandbox' });
  let config;
  try {
    config = sandboxConfigFromEnv(process.env);
  } catch (err) {
    log.fatal((err as Error).message);
    process.exitCode = 1;
    return;
  }
  const sandbox = createSandbox(config.options);
  const url = await sandbox.listen(config.port, config.host);
  const o = sandbox.options;
  log.info(
    { url, seed: o.seed, enterprises: o.enterprises, invalidRate: o.invalidRate, start: o.start.toISOString(), daysPerMinute: o.daysPerMinute, faults: o.faults },
    `sandbox listening on ${url}`,
  );
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'closing sandbox');
    sandbox.close().then(
      () => log.info('sandbox closed'),
      (err: unknown) => {
        log.error({ err }, 'error while closing');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
