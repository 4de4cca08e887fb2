import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The sandbox runs in its own process, as a real upstream would, so it does not share the hub's event loop. */
export async function startSandboxProcess(port: number, enterprises: string, seed: string): Promise<{ stop(): void }> {
  const child = spawn(process.execPath, ['--no-turbo-escape', '--import', 'tsx', path.join(ROOT, 'connectors', 'sandbox', 'sandbox.main.ts')], {
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_ENTERPRISES: enterprises, SANDBOX_SEED: seed, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sandbox exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/tax/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('sandbox did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { stop: () => child.kill('SIGTERM') };
}
