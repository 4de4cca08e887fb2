import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { get, type Page } from './sandbox-client.helper';

/**
 * A light client, so the numbers measure the server: it reads the raw body, counts records by
 * their `updated_at` keys and takes the cursor from the tail, without parsing the whole page.
 */
function rawPage(url: string): Promise<{ records: number; bytes: number; cursor: string | null; hasMore: boolean }> {
  return new Promise((resolve, reject) => {
    httpGet(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let records = 0;
        for (let at = body.indexOf('"updated_at":'); at >= 0; at = body.indexOf('"updated_at":', at + 13)) records++;
        const tail = body.subarray(Math.max(0, body.length - 600)).toString('utf8');
        const cursor = /"next_cursor":"([^"]*)"/.exec(tail)?.[1] ?? null;
        resolve({ records, bytes: body.length, cursor, hasMore: tail.includes('"has_more":true') });
      });
    }).on('error', reject);
  });
}

/**
 * Scale check (slow: run with SANDBOX_SCALE_TEST=1; SANDBOX_SCALE_SIZE overrides 100,000). The
 * sandbox runs as `npm run sandbox` would, in its own process, so the numbers are the server's and
 * not Jest's: start-up plus the largest index (utility/bills) within ~30 s, peak RSS under 1.5 GB
 * with every index built, and a sequential client reading limit=1000 pages at ≥ 50,000 records/s.
 */
const scale = process.env.SANDBOX_SCALE_TEST === '1' ? describe : describe.skip;
const SIZE = Number(process.env.SANDBOX_SCALE_SIZE ?? 100_000);
const ROOT = join(__dirname, '..', '..', '..');

scale(`sandbox at ${SIZE} enterprises`, () => {
  let child: ChildProcess | null = null;

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('starts, builds indexes and serves pages within the limits', async () => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, ['--import', 'tsx', 'connectors/sandbox/sandbox.main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_ENTERPRISES: String(SIZE), SANDBOX_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = proc;
    const base = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      proc.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const line = buffer.split('\n').find((l) => l.includes('"url"'));
        if (line) resolve((JSON.parse(line) as { url: string }).url);
      });
      proc.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const startupMs = performance.now() - t0;

    const t1 = performance.now();
    expect((await get<Page>(`${base}/utility/bills?limit=1000`)).status).toBe(200);
    const billsMs = performance.now() - t1;

    const throughput: Record<string, number> = {};
    const mbPerS: Record<string, number> = {};
    for (const path of ['utility/bills', 'tax/declarations', 'market-regulation/registrations', 'patent/patents']) {
      // Build the index and warm the JIT outside the timing (a serving sandbox is warm).
      let cursor: string | null = null;
      for (let page = 0; page < 10; page++) cursor = (await rawPage(`${base}/${path}?limit=1000${cursor === null ? '' : `&since=${cursor}`}`)).cursor;
      let records = 0;
      let bytes = 0;
      const t = performance.now();
      for (let page = 0; page < 80; page++) {
        const reply = await rawPage(`${base}/${path}?limit=1000${cursor === null ? '' : `&since=${cursor}`}`);
        records += reply.records;
        bytes += reply.bytes;
        cursor = reply.cursor;
        if (!reply.hasMore) break;
      }
      const seconds = (performance.now() - t) / 1000;
      throughput[path] = Math.round(records / seconds);
      mbPerS[path] = Math.round(bytes / seconds / 1e5) / 10;
    }

    const t2 = performance.now();
    const stats = (await get<Record<string, { visible: number }>>(`${base}/_sandbox/stats`)).json; // builds every other index
    const restMs = performance.now() - t2;
    const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    const peakMb = Math.round(kb('VmHWM') / 1024);

    console.log(
      [
        `start-up (process spawn to listening) ${startupMs.toFixed(0)} ms; utility/bills index + first page ${billsMs.toFixed(0)} ms`,
        `records/s (one sequential client, limit=1000): ${JSON.stringify(throughput)}; MB/s ${JSON.stringify(mbPerS)}`,
        `all other indexes ${restMs.toFixed(0)} ms; RSS now ${Math.round(kb('VmRSS') / 1024)} MB, peak ${peakMb} MB`,
        `visible per stream: ${JSON.stringify(Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v.visible])))}`,
      ].join('\n'),
    );

    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0); // graceful close

    expect(startupMs + billsMs).toBeLessThan(30_000);
    expect(peakMb).toBeLessThan(1500);
    expect(throughput['utility/bills']).toBeGreaterThan(50_000);
  }, 600_000);
});
