/**
 * Load a YAML or JSON data file and validate it with a zod schema. Every problem becomes a
 * positioned message on the returned VFile (the range of the offending value or key), never an
 * exception: syntax errors as `<rule>-yaml` / `<rule>-json`, schema failures as `<rule>-schema`.
 */
import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { report } from './message.ts';

/** A path into the data, as zod reports it: keys and array indices. */
export type DataPath = ReadonlyArray<PropertyKey>;

export interface Loaded<T> {
  /** The validated data; absent when the file has an error. */
  data?: T;
  /** The file, carrying every message. */
  file: VFile;
  /** Where a value of the data sits in the file, for messages raised later (a duplicate slug). */
  placeOf: (path: DataPath) => Position | undefined;
}

export interface LoadOptions {
  /** Rule prefix, e.g. `meta` → `meta-yaml`, `meta-schema`. */
  rule: string;
  /** Name a field in messages (default `phrases[1].to`); `raw` is the unvalidated data. */
  describe?: (path: DataPath, raw: unknown) => string;
}

/**
 * Read and validate YAML text.
 * @example loadYaml('slug: 甲\n', 'meta.yaml', schema, { rule: 'meta' }).file.messages[0]?.ruleId // 'meta-schema'
 */
export function loadYaml<S extends z.ZodType>(
  text: string,
  path: string,
  schema: S,
  options: LoadOptions,
): Loaded<z.output<S>> {
  const file = new VFile({ path, value: text });
  const source = new Located(text);
  const placeOf = (p: DataPath) => source.placeOf(p);
  for (const error of source.doc.errors) {
    report(file, `Unexpected YAML: ${error.message.split('\n')[0]}, expected valid YAML`, {
      place: source.range(error.pos[0], error.pos[1]),
      ruleId: `${options.rule}-yaml`,
      fatal: true,
      cause: error,
    });
  }
  if (source.doc.errors.length > 0) return { file, placeOf };
  return validate(file, source.doc.toJS() ?? {}, schema, options, source, placeOf);
}

/**
 * Read and validate JSON text (a manifest, the collection). The text is parsed with JSON.parse;
 * positions of schema problems are looked up only when there are some.
 * @example loadJson('{"slug": 1}', 'anchors.json', schema, { rule: 'manifest' }).data // undefined
 */
export function loadJson<S extends z.ZodType>(
  text: string,
  path: string,
  schema: S,
  options: LoadOptions,
): Loaded<z.output<S>> {
  const file = new VFile({ path, value: text });
  let located: Located | undefined;
  const locate = () => (located ??= new Located(text));
  const placeOf = (p: DataPath) => locate().placeOf(p);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    report(file, `Unexpected JSON: ${reason}, expected valid JSON`, {
      place: jsonErrorPlace(text, reason),
      ruleId: `${options.rule}-json`,
      fatal: true,
      cause,
    });
    return { file, placeOf };
  }
  return validate(file, raw, schema, options, { placeOfIssue: (i) => locate().placeOfIssue(i) }, placeOf);
}

/** Turn zod issues into messages; returns the data when there are none. */
function validate<S extends z.ZodType>(
  file: VFile,
  raw: unknown,
  schema: S,
  options: LoadOptions,
  source: Pick<Located, 'placeOfIssue'>,
  placeOf: Loaded<unknown>['placeOf'],
): Loaded<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, file, placeOf };
  const describe = options.describe ?? describePath;
  for (const issue of result.error.issues) {
    const field = describe(issue.path, raw) || '(top level)';
    const message = issue.message.replace(/^Invalid input: /, '');
    let reason: string;
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length > 0 ? ` in ${field}` : '';
      reason = `Unexpected key ${issue.keys.join(', ')}${where}, expected only the documented keys`;
    } else if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) {
      const expected = message.replace(/, received undefined$/, '');
      reason = `Missing ${field}: ${expected.startsWith('expected') ? expected : `expected ${expected}`}`;
    } else {
      reason = `Unexpected value for ${field}: ${message}`;
    }
    report(file, reason, {
      place: source.placeOfIssue(issue),
      ruleId: `${options.rule}-schema`,
      fatal: true,
    });
  }
  return { file, placeOf };
}

/**
 * Name a field the way a reader writes it.
 * @example describePath(['phrases', 1, 'to']) // 'phrases[1].to'
 */
export function describePath(path: DataPath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

function valueAt(raw: unknown, path: DataPath): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Node's JSON.parse names the place as `(line 2 column 5)` or `at position 17`. */
function jsonErrorPlace(text: string, reason: string): Position | undefined {
  const lc = /line (\d+) column (\d+)/.exec(reason);
  if (lc) {
    const start = { line: Number(lc[1]), column: Number(lc[2]) };
    return { start, end: start };
  }
  const at = /position (\d+)/.exec(reason);
  return at ? new Located(text, false).range(Number(at[1]), Number(at[1])) : undefined;
}

/** A YAML (or JSON, which YAML reads too) text with offsets turned into line and column. */
class Located {
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(text: string, parse = true) {
    this.doc = parseDocument(parse ? text : '', { lineCounter: this.lines, prettyErrors: false });
    if (!parse)
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines.addNewLine(i + 1);
  }

  point(offset: number): Point {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col, offset };
  }

  range(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  /** The value at the path, or the nearest enclosing one that exists (the map missing a key). */
  placeOf(path: DataPath): Position | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = this.doc.getIn(path.slice(0, n) as Array<string | number>, true);
      if (!isNode(node) || !node.range) continue;
      // A missing key is placed at the start of the map that lacks it, not over the whole map.
      return n === path.length
        ? this.range(node.range[0], node.range[1])
        : this.range(node.range[0], node.range[0]);
    }
    return undefined;
  }

  /** An unknown key is pointed at itself; any other issue at its value. */
  placeOfIssue(issue: z.core.$ZodIssue): Position | undefined {
    if (issue.code === 'unrecognized_keys') {
      const map: unknown = issue.path.length
        ? this.doc.getIn(issue.path as Array<string | number>, true)
        : this.doc.contents;
      if (isMap(map)) {
        const pair = map.items.find((p) => isScalar(p.key) && issue.keys.includes(String(p.key.value)));
        if (pair && isNode(pair.key) && pair.key.range)
          return this.range(pair.key.range[0], pair.key.range[1]);
      }
    }
    return this.placeOf(issue.path) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  }
}
