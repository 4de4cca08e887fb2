import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, openSync } from 'node:fs';
import { readFile, readlink, realpath } from 'node:fs/promises';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `attempt` until it returns something other than `undefined`, waiting `delayMs` between
 * tries, and gives up (returning `undefined`) once `timeoutMs` has passed.
 */
export async function retryUntil<T>(
  attempt: () => Promise<T | undefined>,
  options: { timeoutMs: number; delayMs: number },
): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() + options.delayMs > deadline) return undefined;
    await sleep(options.delayMs);
  }
}

/** Whether a process exists and has not exited (a zombie waiting to be reaped counts as exited). */
export async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat === undefined || !/^\d+ \(.*\) [ZX]/s.test(stat);
}

export async function readPidFile(pidFile: string): Promise<number | undefined> {
  const text = await readFile(pidFile, 'utf8').catch(() => undefined);
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * The pid recorded in `pidFile` if that process still runs with `workingDir` as its working
 * directory. mariadbd and redis-server both chdir into their data folder, so on Linux this tells a
 * private instance from an unrelated process that reused the pid; elsewhere the pid alone decides.
 */
export async function runningFromPidFile(pidFile: string, workingDir: string): Promise<number | undefined> {
  const pid = await readPidFile(pidFile);
  if (pid === undefined || !(await isRunning(pid))) return undefined;
  if (process.platform !== 'linux') return pid;
  // Unreadable (EACCES) means another user's process, so not ours either.
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
  const expected = await realpath(workingDir).catch(() => workingDir);
  return cwd === expected ? pid : undefined;
}

/** SIGTERM, then wait for the exit; SIGKILL if it has not exited by `timeoutMs`. */
export async function terminate(pid: number, timeoutMs: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const exited = await retryUntil(async () => ((await isRunning(pid)) ? undefined : true), { timeoutMs, delayMs: 100 });
  if (exited) return;
  signal('SIGKILL');
  const killed = await retryUntil(async () => ((await isRunning(pid)) ? undefined : true), { timeoutMs: 5_000, delayMs: 100 });
  if (!killed) throw new Error(`process ${pid} did not exit after SIGTERM and SIGKILL`);
}

/**
 * A few lines of a log file for an error message, indented: the last lines matching `prefer` (e.g.
 * MariaDB's `[ERROR]` lines) when there are any, else the last lines. `''` when it cannot be read.
 */
export async function excerptOf(file: string, options: { lines?: number; prefer?: RegExp } = {}): Promise<string> {
  const count = options.lines ?? 5;
  const text = await readFile(file, 'utf8').catch(() => '');
  const all = text.trimEnd().split('\n').filter((line) => line.trim() !== '');
  const preferred = options.prefer ? all.filter((line) => options.prefer!.test(line)) : [];
  return (preferred.length > 0 ? preferred : all)
    .slice(-count)
    .map((line) => `  ${line}`)
    .join('\n');
}

export interface RunResult {
  exitCode: number | null;
  /** stdout and stderr interleaved, the last 64 KiB. */
  output: string;
}

/**
 * Runs a command to completion, appending its output to `logFile` and keeping the tail for error
 * messages; kills it after `timeoutMs`. Never rejects for a non-zero exit: the caller decides.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { logFile: string; timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    log.write(`\n$ ${command} ${args.join(' ')}\n`);
    let output = '';
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      log.write(chunk);
      output = (output + chunk.toString('utf8')).slice(-65_536);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n(killed after ${Math.round(options.timeoutMs / 1000)} s)`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      log.end();
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      log.end(() => resolve({ exitCode, output }));
    });
  });
}

export interface DetachedProcess {
  pid: number | undefined;
  /** How the process ended (`exited with code 1`, `was killed by SIGKILL`, …), or undefined while it runs. */
  exitStatus(): string | undefined;
}

/**
 * Starts a server that outlives this process (like a daemon), its output appended to `logFile`, and
 * keeps track of an early exit so that a failed start is reported at once rather than as a timeout.
 */
export function spawnDetached(command: string, args: readonly string[], cwd: string, logFile: string): DetachedProcess {
  const fd = openSync(logFile, 'a');
  let exit: string | undefined;
  try {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', fd, fd], cwd });
    child.once('exit', (code, signal) => {
      exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    });
    child.once('error', (error) => {
      exit = `could not be started: ${error.message}`;
    });
    child.unref();
    return { pid: child.pid, exitStatus: () => exit };
  } finally {
    closeSync(fd);
  }
}
