/** `DATABASE_URL` or `REDIS_URL` cannot be used as written; the message says what it should look like. */
export class InvalidServiceUrlError extends Error {
  readonly code = 'SERVICE_URL_INVALID';

  constructor(
    readonly variable: string,
    value: string,
    problem: string,
  ) {
    super(`${variable}=${JSON.stringify(redactPassword(value))}: ${problem}`);
    this.name = 'InvalidServiceUrlError';
  }
}

/** Error messages end up in logs: never repeat a password from a URL. */
export function redactPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}
