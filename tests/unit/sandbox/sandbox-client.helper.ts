/** Small HTTP helpers for the sandbox tests (real requests against a sandbox on a random port). */
export interface Page {
  data: Array<Record<string, unknown>>;
  next_cursor: string | null;
  has_more: boolean;
  as_of: string;
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export async function get<T = unknown>(url: string, init?: RequestInit): Promise<Reply<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export async function send<T = unknown>(url: string, method: 'POST' | 'PUT', body: unknown): Promise<Reply<T>> {
  return get<T>(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Reads a stream page by page until `has_more` is false; returns the records and the last cursor. */
export async function readToEnd(
  base: string,
  path: string,
  limit: number,
  since: string | null = null,
): Promise<{ records: Array<Record<string, unknown>>; cursor: string | null; pages: number }> {
  const records: Array<Record<string, unknown>> = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const qs = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) qs.set('since', cursor);
    const reply = await get<Page>(`${base}/${path}?${qs}`);
    if (reply.status !== 200) throw new Error(`${path}: HTTP ${reply.status} ${reply.text}`);
    pages++;
    records.push(...reply.json.data);
    cursor = reply.json.next_cursor;
    if (!reply.json.has_more) return { records, cursor, pages };
  }
}
