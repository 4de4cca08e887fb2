import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Env } from '../../src/config/config';

const ROOT = path.resolve(__dirname, '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `scripts/worker.ts` as one OS process (node with the tsx loader), as `npm run worker` does. */
export function spawnWorker(env: Env): WorkerProcess {
  const child = spawn(process.execPath, ['--no-turbo-escape', '--import', 'tsx', path.join(ROOT, 'scripts', 'worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: env.LOG_LEVEL === 'silent' ? 'warn' : env.LOG_LEVEL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Polls `probe` until it returns a value, with a pause between looks and a hard deadline. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, pollMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
