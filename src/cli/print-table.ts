/** Prints rows as an aligned plain-text table (what an operator reads in a terminal). */
export function printTable(out: (line: string) => void, rows: ReadonlyArray<object>): void {
  if (rows.length === 0) {
    out('(none)');
    return;
  }
  const columns = Object.keys(rows[0]!);
  const cells = rows.map((row) => columns.map((c) => String((row as Record<string, unknown>)[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  out(line(columns));
  for (const r of cells) out(line(r));
}
