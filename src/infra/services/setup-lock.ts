import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { isRunning, sleep } from './process-control';

/** Installing packages and starting MariaDB fit well inside this; a lock older than it was left by a crash. */
const STALE_AFTER_MS = 15 * 60_000;
const WAIT_DELAY_MS = 250;

interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/**
 * Runs `fn` while holding `<dataDir>/services.lock`, so that two processes running the setup at once
 * (`npm start` while the tests run) do not both start a private instance on the same data folder.
 * The file is created with `wx`; a lock whose process is gone, or that is older than 15 minutes, is
 * taken over.
 */
export async function withSetupLock<T>(
  dataDir: string,
  options: { timeoutMs: number; onWait: (holder: string) => void },
  fn: () => Promise<T>,
): Promise<T> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'services.lock');
  const deadline = Date.now() + options.timeoutMs;
  let reported = false;
  for (;;) {
    const acquired = await tryCreate(lockFile);
    if (acquired) break;
    const holder = await readHolder(lockFile);
    if (holder === 'gone') continue;
    if (await isStale(lockFile, holder)) {
      // Two waiters may both see the stale lock; the window between check and unlink is tiny and
      // only matters after a crash, so a plain unlink is enough.
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another process';
    if (Date.now() > deadline) {
      throw new Error(`${lockFile} is still held by ${who}; if no setup is running any more, delete the file and retry`);
    }
    if (!reported) {
      options.onWait(`waiting for ${who} to finish setting up services (${lockFile})`);
      reported = true;
    }
    await sleep(WAIT_DELAY_MS);
  }
  try {
    return await fn();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

async function tryCreate(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(holder));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The holder, `undefined` when the file cannot be parsed (yet), `'gone'` when it disappeared. */
async function readHolder(lockFile: string): Promise<LockHolder | undefined | 'gone'> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.since === 'string'
      ? { pid: parsed.pid, host: parsed.host, since: parsed.since }
      : undefined;
  } catch {
    // Created but not written yet: the holder is between open() and writeFile().
    return undefined;
  }
}

async function isStale(lockFile: string, holder: LockHolder | undefined): Promise<boolean> {
  const info = await stat(lockFile).catch(() => undefined);
  if (info === undefined) return false;
  const age = Date.now() - info.mtimeMs;
  if (age > STALE_AFTER_MS) return true;
  // Still empty seconds after creation: its writer died between open() and writeFile().
  if (holder === undefined) return age > 5_000;
  return holder.host === hostname() && !(await isRunning(holder.pid));
}
