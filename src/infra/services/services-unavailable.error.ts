export type ServiceName = 'mariadb' | 'redis';

/** One service the setup could neither find nor start, and why, in a sentence without a final period. */
export interface ServiceFailure {
  service: ServiceName;
  problem: string;
}

const ORDER: readonly ServiceName[] = ['mariadb', 'redis'];

const WAY_OUT: Record<ServiceName, string> = {
  mariadb: 'DATABASE_URL to a reachable MySQL 8 / MariaDB 10.6+ server (e.g. mysql://user:pass@host:3306/techfin_hub)',
  redis: 'REDIS_URL to a reachable Redis 6.2+ server with maxmemory-policy noeviction (e.g. redis://host:6379)',
};

/**
 * The hub cannot get MariaDB and/or Redis. The message names what failed and both ways out: point
 * the URLs at existing servers, or start the ones in docker-compose.yml.
 */
export class ServicesUnavailableError extends Error {
  readonly code = 'SERVICES_UNAVAILABLE';

  readonly failures: readonly ServiceFailure[];

  constructor(failures: readonly ServiceFailure[]) {
    // Parallel starts fail in any order; the message should not.
    const sorted = [...failures].sort((a, b) => ORDER.indexOf(a.service) - ORDER.indexOf(b.service));
    super(describe(sorted));
    this.failures = sorted;
    this.name = 'ServicesUnavailableError';
  }
}

function describe(failures: readonly ServiceFailure[]): string {
  // A problem that quotes log lines ends with them: give each problem, and the way out, its own line.
  const multiline = failures.some((f) => f.problem.includes('\n'));
  const problems = failures.map((f) => (f.problem.includes('\n') ? f.problem : `${f.problem}.`)).join(multiline ? '\n' : ' ');
  const services = [...new Set(failures.map((f) => f.service))];
  const settings = services.map((s) => WAY_OUT[s]).join(' and ');
  return `${problems}${multiline ? '\n' : ' '}Either set ${settings}, or run \`docker compose up -d\` to start the MySQL 8 and Redis 7 from docker-compose.yml.`;
}
