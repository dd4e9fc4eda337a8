/**
 * The shortest edit script between two sequences (E. W. Myers, "An O(ND) Difference Algorithm
 * and Its Variations", Algorithmica 1, 1986), forward greedy search with a trace for backtracking.
 * Article texts are at most a few thousand characters, so O((N+M)·D) time and trace are fine.
 */

export type EditOp = 'equal' | 'delete' | 'insert';

/** One step: an element kept (index in both), deleted (index in `a`) or inserted (index in `b`). */
export interface Edit {
  op: EditOp;
  a: number;
  b: number;
}

/**
 * The edits turning `a` into `b`; `same` decides equality.
 * @example myers([...'abc'], [...'abd']).map((e) => e.op) // ['equal', 'equal', 'delete', 'insert']
 */
export function myers<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean = (x, y) => x === y,
): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x]!, b[y]!)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0): trace[d] is the frontier before round d.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) edits.push({ op: 'equal', a: --x, b: --y });
    if (d > 0) {
      if (x === prevX) edits.push({ op: 'insert', a: x, b: --y });
      else edits.push({ op: 'delete', a: --x, b: y });
    }
  }
  return edits.reverse();
}
