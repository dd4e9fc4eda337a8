/**
 * Read and validate a document's meta.yaml. Problems become positioned messages on the file
 * (line and column of the offending value), never exceptions.
 */
import { VFile } from 'vfile';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { metaSchema, type DocumentMeta } from './meta-schema.ts';
import { report } from '../parser/messages.ts';

export interface MetaResult {
  meta?: DocumentMeta;
  file: VFile;
}

/**
 * Validate the YAML text of a metadata file.
 * @example loadMeta('title: 甲\n', 'content/x/meta.yaml').file.messages[0].reason // 'Missing slug: expected …'
 */
export function loadMeta(text: string, path: string): MetaResult {
  const file = new VFile({ path, value: text });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const placeOf = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { start: { line: p.line, column: p.col }, end: { line: p.line, column: p.col } };
  };
  for (const error of doc.errors) {
    report(file, `Unexpected YAML: ${error.message.split('\n')[0]}`, placeOf(error.pos[0]), 'meta-yaml', true);
  }
  if (doc.errors.length > 0) return { file };

  const result = metaSchema.safeParse(doc.toJS());
  if (result.success) return { meta: result.data, file };
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    // Point at the value if it exists, else at its parent (the map missing the key).
    let node: unknown = doc.getIn(issue.path as Array<string | number>, true);
    for (let n = path.length - 1; !isNode(node) && n >= 0; n--) node = doc.getIn(issue.path.slice(0, n) as Array<string | number>, true);
    const range = isNode(node) && node.range ? node.range : [0, 0, 0];
    const field = path.join('.') || '(file)';
    const missing = issue.code === 'invalid_type' && doc.getIn(issue.path as Array<string | number>) === undefined;
    const reason = missing
      ? `Missing ${field}: ${issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`}`
      : `Unexpected value for ${field}: ${issue.message}`;
    report(file, reason, placeOf(range[0] ?? 0), `meta-${issue.code}`, true);
  }
  return { file };
}
