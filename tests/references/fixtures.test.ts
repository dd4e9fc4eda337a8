/**
 * Reference fixtures: tests/fixtures/references/<name>/input.txt → references.txt (every
 * reference: where it stands, its kind, its text, where it points) and messages.txt.
 * The collection for these tests knows one other document, 《中华人民共和国示例法》.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegulation, toDisplayTree, type Reference, type RegNode } from '../../src/parser/index.ts';
import { linkReferences } from '../../src/references/transform.ts';
import { findDefinitions } from '../../src/references/glossary.ts';
import { formatMessages } from '../../src/diagnostics/reporter.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'references');

// Folders holding an input.txt are fixtures; others (e.g. site/, a content folder for browser tests) are not.
describe.each(readdirSync(root).filter((d) => existsSync(join(root, d, 'input.txt'))))('%s', (name) => {
  const input = join(root, name, 'input.txt');
  const { tree, file } = parseRegulation(
    readFileSync(input, 'utf8'),
    `tests/fixtures/references/${name}/input.txt`,
  );
  const display = toDisplayTree(tree);
  linkReferences(display, {
    file,
    self: {
      slug: 'example-rules',
      title: '某某市示例管理办法',
      supersedes: [
        { title: '某某市示例管理办法', documentNumber: '某政发〔2015〕8号', issued: '2015-03-01' },
      ],
    },
    collection: [
      { slug: 'example-law', title: '中华人民共和国示例法' },
      { slug: 'example-rules', title: '某某市示例管理办法' },
    ],
    terms: findDefinitions(display),
  });

  it('finds and resolves every reference', async () => {
    const lines: string[] = [];
    const walk = (n: RegNode, at: string) => {
      const here = 'eId' in n ? n.eId : at;
      if (n.type === 'reference') {
        const r = n as Reference;
        const text = r.children.map((c) => c.value).join('');
        const extra = Object.entries(r.data ?? {})
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`)
          .join(' ');
        lines.push(`${here}\t${r.kind}\t${text}\t→ ${r.target ?? '(none)'}\t${extra}`);
      }
      if ('children' in n) for (const c of n.children) walk(c as RegNode, here);
    };
    walk(display, '');
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot(join(root, name, 'references.txt'));
  });

  it('reports what does not resolve', async () => {
    await expect(formatMessages([file], { color: false }) + '\n').toMatchFileSnapshot(
      join(root, name, 'messages.txt'),
    );
  });
});
