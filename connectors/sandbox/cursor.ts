/**
 * Cursors are opaque to clients: base64url of JSON `[stream, updated_at epoch ms, id]`, the sort key
 * of the last record returned. Naming the stream lets a cursor from another stream be refused.
 */
export interface CursorKey {
  readonly stream: string;
  readonly atMs: number;
  readonly id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.stream, key.atMs, key.id]), 'utf8').toString('base64url');
}

/** The decoded key, or null when the text is not a cursor of this sandbox. */
export function decodeCursor(text: string): CursorKey | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [stream, at, id] = parsed as unknown[];
  if (typeof stream !== 'string' || typeof id !== 'string' || typeof at !== 'number' || !Number.isInteger(at) || at < 0) return null;
  return { stream, atMs: at, id };
}
