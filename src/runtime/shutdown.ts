import type { Logger } from '../infra/logger';

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits. A second signal while stopping exits at once;
 * stopping that takes longer than `graceMs` exits with an error.
 */
export function onShutdown(log: Logger, stop: () => Promise<void>, graceMs = 60_000): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping: finishing the pages in hand');
    const timer = setTimeout(() => {
      log.error({ graceMs }, 'stop took too long; exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handle);
  process.once('SIGINT', handle);
}

/** Prints a boot failure the way an operator needs it (the message, not a stack) and exits 1. */
export function exitOnBootError(error: unknown, prefix = 'techfin-hub could not start'): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${prefix}: ${message}\n`);
  process.exit(1);
}
