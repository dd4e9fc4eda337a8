/**
 * Read and validate a document's meta.yaml. Problems become positioned messages on the file
 * (the range of the offending value), never exceptions: `meta-yaml`, `meta-schema`.
 */
import type { VFile } from 'vfile';
import { loadYaml, type Loaded } from '../diagnostics/load.ts';
import { metaSchema, type DocumentMeta } from './meta-schema.ts';

export interface MetaResult {
  meta?: DocumentMeta;
  file: VFile;
  /** Where a field sits in the file, for problems found later (a slug used twice). */
  placeOf: Loaded<DocumentMeta>['placeOf'];
}

/**
 * Validate the YAML text of a metadata file.
 * @example loadMeta('title: 甲\n', 'content/x/meta.yaml').file.messages[0].reason // 'Missing slug: expected …'
 */
export function loadMeta(text: string, path: string): MetaResult {
  const { data, file, placeOf } = loadYaml(text, path, metaSchema, { rule: 'meta' });
  return data ? { meta: data, file, placeOf } : { file, placeOf };
}
