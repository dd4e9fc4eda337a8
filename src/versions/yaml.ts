/**
 * Read a version's YAML (version.yaml, correspondence.yaml) against a zod schema through the
 * one diagnostics channel (src/diagnostics/load.ts): problems become positioned messages
 * (`version-yaml`, `version-schema`, `correspondence-yaml`, `correspondence-schema`), never
 * exceptions.
 */
import type { VFile } from 'vfile';
import type { z } from 'zod';
import type { Position } from 'unist';
import { loadYaml as load } from '../diagnostics/load.ts';

export interface YamlResult<T> {
  value?: T;
  file: VFile;
  /** Where a path of the document is (for later checks that name a value, e.g. an unknown anchor). */
  placeOf: (path: Array<string | number>) => Position;
}

const START: Position = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/**
 * Validate a YAML text; `rule` prefixes the rule ids (version-yaml, version-schema).
 * @example loadYaml(versionSchema, 'date: 2017\n', 'v.yaml', 'version').file.messages[0].ruleId // 'version-schema'
 */
export function loadYaml<S extends z.ZodType>(
  schema: S,
  text: string,
  path: string,
  rule: string,
): YamlResult<z.output<S>> {
  const loaded = load(text, path, schema, { rule });
  const placeOf = (keys: Array<string | number>) => loaded.placeOf(keys) ?? START;
  return loaded.data === undefined
    ? { file: loaded.file, placeOf }
    : { value: loaded.data, file: loaded.file, placeOf };
}
