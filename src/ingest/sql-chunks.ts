/** Splits rows into chunks for multi-row statements (MySQL allows at most 65,535 placeholders). */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `(?,?,?),(?,?,?)…` for `rows` tuples of `width` values, with an optional literal tail per tuple. */
export function placeholders(rows: number, width: number, tail = ''): string {
  const one = `(${Array.from({ length: width }, () => '?').join(',')}${tail})`;
  return Array.from({ length: rows }, () => one).join(',');
}


/** Anything that runs a parameterised statement: a DataSource or a QueryRunner inside a transaction. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}
