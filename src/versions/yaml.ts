/**
 * Read a YAML file against a zod schema; problems become positioned messages on the file (line
 * and column of the offending value), never exceptions — as src/content/load-meta.ts does for
 * meta.yaml.
 */
import { VFile } from 'vfile';
import { isNode, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import type { Position } from 'unist';
import { report } from '../parser/messages.ts';

export interface YamlResult<T> {
  value?: T;
  file: VFile;
  /** Where a path of the document is (for later checks that name a value, e.g. an unknown anchor). */
  placeOf: (path: Array<string | number>) => Position;
}

/**
 * Validate a YAML text; `rule` prefixes the ruleIds (version-yaml, version-invalid_type …).
 * @example loadYaml(versionSchema, 'date: 2017\n', 'v.yaml', 'version').file.messages[0].reason
 */
export function loadYaml<S extends z.ZodType>(schema: S, text: string, path: string, rule: string): YamlResult<z.infer<S>> {
  const file = new VFile({ path, value: text });
  const lineCounter = new LineCounter();
  const doc: YamlDocument = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { start: { line: p.line, column: p.col }, end: { line: p.line, column: p.col } };
  };
  const placeOf = (keys: Array<string | number>): Position => {
    let node: unknown = doc.getIn(keys, true);
    for (let n = keys.length - 1; !isNode(node) && n >= 0; n--) node = doc.getIn(keys.slice(0, n), true);
    return at(isNode(node) && node.range ? node.range[0] : 0);
  };
  for (const error of doc.errors) report(file, `Unexpected YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]), `${rule}-yaml`, true);
  if (doc.errors.length > 0) return { file, placeOf };
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { value: result.data, file, placeOf };
  for (const issue of result.error.issues) {
    const keys = issue.path as Array<string | number>;
    const field = keys.map(String).join('.') || '(file)';
    const missing = issue.code === 'invalid_type' && doc.getIn(keys) === undefined;
    const expected = issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`;
    const reason = missing ? `Missing ${field}: ${expected}` : `Unexpected value for ${field}: ${issue.message}`;
    report(file, reason, placeOf(keys), `${rule}-${issue.code}`, true);
  }
  return { file, placeOf };
}
