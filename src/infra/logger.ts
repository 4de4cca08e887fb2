import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON logger per process; child loggers carry the component name. */
export function createLogger(level: string, name = 'techfin-hub'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
