/**
 * Defined terms: a curated glossary per document (content/<folder>/glossary.yaml) plus
 * definitions the text states itself (本规则所称X，是指…).
 */
import type { VFile } from 'vfile';
import { z } from 'zod';
import { EID_PATTERN } from '../anchors/eid.ts';
import type { Document, RegNode } from '../parser/types.ts';
import { phrasingText } from '../parser/to-string.ts';
import { loadYaml } from '../diagnostics/load.ts';

export interface Term {
  term: string;
  /** eId of the provision that defines it. */
  defines: string;
  source: 'glossary' | 'text';
}

const glossarySchema = z
  .object({
    terms: z.array(
      z
        .object({
          term: z.string().min(2, { message: 'expected a term of at least two characters' }),
          defines: z
            .string()
            .regex(EID_PATTERN, { message: 'expected the anchor of the defining provision, e.g. art_47' }),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * Read a glossary file; problems become positioned messages on the returned file.
 * @example loadGlossary('terms:\n  - term: 市长负责制\n    defines: art_7\n', 'glossary.yaml').terms
 */
export function loadGlossary(text: string, path: string): { terms: Term[]; file: VFile } {
  const { data, file } = loadYaml(text, path, glossarySchema, { rule: 'glossary' });
  return { terms: data ? data.terms.map((t) => ({ ...t, source: 'glossary' as const })) : [], file };
}

const DEFINITION =
  /本(?:规则|办法|条例|规定|法|细则|决定)所称(?:的)?[“"「]?([^，,。；;、“”"「」]{2,20}?)[”"」]?[，,]?(?:是指|指)/g;

/** Definitions stated in the text: 本规则所称X，是指… defines X in that provision. */
export function findDefinitions(doc: Document): Term[] {
  const out: Term[] = [];
  const walk = (n: RegNode) => {
    if (n.type === 'paragraph' || n.type === 'item' || n.type === 'subitem') {
      const text = phrasingText(n.children.filter((c) => c.type === 'text' || c.type === 'reference'));
      for (const m of text.matchAll(DEFINITION)) out.push({ term: m[1]!, defines: n.eId, source: 'text' });
    }
    if ('children' in n) for (const c of n.children) walk(c as RegNode);
  };
  walk(doc);
  return out;
}
