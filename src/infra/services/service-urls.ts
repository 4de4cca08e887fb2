import { InvalidServiceUrlError } from './invalid-service-url.error';

/** Where a MySQL-protocol server is and how to log in to it, as read from `DATABASE_URL`. */
export interface DatabaseEndpoint {
  host: string;
  port: number;
  /** `root` when the URL names no user. */
  user: string;
  password: string;
  /** The URL's path without the slash, `''` when it names none. */
  database: string;
}

/** Where a Redis server is, as read from `REDIS_URL`. */
export interface RedisEndpoint {
  host: string;
  port: number;
  /** `''` when the URL names no user (Redis' `default` user). */
  username: string;
  password: string;
  tls: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Only these hosts may be served by a private instance, which binds to loopback only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/** `host:port`, with IPv6 hosts in brackets. */
export function hostPort(endpoint: { host: string; port: number }): string {
  return endpoint.host.includes(':') ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;
}

export function parseDatabaseUrl(databaseUrl: string): DatabaseEndpoint {
  const url = parseUrl(databaseUrl, 'DATABASE_URL', ['mysql:', 'mariadb:'], 'mysql://root@127.0.0.1:3306/techfin_hub');
  return {
    host: hostOf(url),
    port: portOf(url, 3306, 'DATABASE_URL'),
    user: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\/+/, '')),
  };
}

export function parseRedisUrl(redisUrl: string): RedisEndpoint {
  const url = parseUrl(redisUrl, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379');
  return {
    host: hostOf(url),
    port: portOf(url, 6379, 'REDIS_URL'),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    tls: url.protocol === 'rediss:',
  };
}

function parseUrl(text: string, variable: string, protocols: string[], example: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidServiceUrlError(variable, text, `must be a URL like ${example}`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new InvalidServiceUrlError(variable, text, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, like ${example}`);
  }
  if (url.hostname === '') throw new InvalidServiceUrlError(variable, text, `must name a host, like ${example}`);
  return url;
}

/** The WHATWG parser keeps IPv6 hosts in brackets; clients want them bare. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function portOf(url: URL, fallback: number, variable: string): number {
  if (url.port === '') return fallback;
  const port = Number(url.port);
  if (port === 0) throw new InvalidServiceUrlError(variable, url.href, 'must not use port 0');
  return port;
}
