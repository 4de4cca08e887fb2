import IORedis, { type Redis } from 'ioredis';

/** Workers block on Redis and must never give up a command (BullMQ requires `maxRetriesPerRequest: null`). */
export function workerConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null });
}

/**
 * Producers give up on a command after one retry, so a request made while Redis is down errors
 * instead of hanging; commands issued before the first connect wait for it (offline queue).
 */
export function producerConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000 });
}
