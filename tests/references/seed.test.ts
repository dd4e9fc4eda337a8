/** Cross-references in the seed, as the content build links them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import {
  parseRegulation,
  toDisplayTree,
  phrasingText,
  type Reference,
  type RegNode,
} from '../../src/parser/index.ts';
import { linkReferences } from '../../src/references/transform.ts';
import { loadGlossary } from '../../src/references/glossary.ts';
import { loadMeta } from '../../src/content/load-meta.ts';

const dir = 'content/zibo-government-work-rules';
const source = readFileSync(`${dir}/source.txt`, 'utf8');
const meta = loadMeta(readFileSync(`${dir}/meta.yaml`, 'utf8'), `${dir}/meta.yaml`).meta!;
const { terms } = loadGlossary(readFileSync(`${dir}/glossary.yaml`, 'utf8'), `${dir}/glossary.yaml`);
const tree = toDisplayTree(parseRegulation(source).tree);
const file = new VFile();
linkReferences(tree, {
  file,
  self: { slug: meta.slug, title: meta.title, supersedes: meta.supersedes },
  collection: [{ slug: meta.slug, title: meta.title }],
  terms,
});

const refs: Array<Reference & { at: string }> = [];
const walk = (n: RegNode, at: string) => {
  const here = 'eId' in n ? n.eId : at;
  if (n.type === 'reference') refs.push({ ...n, at: here });
  if ('children' in n) for (const c of n.children) walk(c as RegNode, here);
};
walk(tree, '');
const textOf = (r: Reference) => phrasingText(r.children);

describe('references in 《淄博市人民政府工作规则》', () => {
  it('resolves everything without messages', () => expect(file.messages).toEqual([]));

  it('finds all 14 distinct 《…》 titles of the body, the nested one as one citation', () => {
    const titles = new Set(
      refs
        .flatMap((r) => textOf(r).match(/《.*》/g) ?? [])
        .map((t) => t.replace(/（/g, '(').replace(/）/g, ')')),
    );
    const body = source.split('\n').slice(16, 350).join('\n');
    const expected = new Set(body.match(/《[^》〈]*(?:〈[^〉]*〉[^》]*)?》/g));
    expect(expected.size).toBe(14);
    expect(titles).toEqual(expected);
    expect(
      refs.some(
        (r) =>
          r.kind === 'citation' && r.data?.title === '山东省〈党政机关公文处理工作条例〉实施办法（试行）',
      ),
    ).toBe(true);
  });

  it('finds the document number and resolves 《淄博市人民政府工作规则》(淄政发〔2017〕2号) to the repealed predecessor', () => {
    const old = refs.find((r) => r.data?.documentNumber === '淄政发〔2017〕2号')!;
    expect(old.at).toBe('art_87__para_1');
    expect(old.data).toMatchObject({
      status: 'superseded',
      title: '淄博市人民政府工作规则',
      issued: '2017-02-27',
    });
    expect(old.target).toBeUndefined();
  });

  it('resolves 本规则 and 本《规则》 to the document itself', () => {
    const self = refs.filter((r) => r.kind === 'self');
    expect(self.map(textOf)).toEqual(['本规则', '本《规则》', '本《规则》', '本《规则》']);
    for (const r of self) expect(r.data).toMatchObject({ doc: 'zibo-government-work-rules' });
  });

  it('links every occurrence of each glossary term outside its defining article, and nothing else', () => {
    for (const { term, defines } of terms) {
      const home = defines.split('__')[0]!;
      const linked = refs.filter((r) => r.kind === 'term' && r.data?.term === term);
      // Occurrences in the text outside the defining article and outside citations:
      let expected = 0;
      const count = (n: RegNode, at: string) => {
        const here = 'eId' in n ? n.eId : at;
        if (n.type === 'reference') return; // linked already, or a citation where terms are not linked
        if (n.type === 'text' && here !== home && !here.startsWith(`${home}__`))
          expected += n.value.split(term).length - 1;
        if ('children' in n) for (const c of n.children) count(c as RegNode, here);
      };
      count(tree, '');
      expect(expected, `${term} left unlinked`).toBe(0);
      for (const r of linked) {
        expect(r.target).toBe(`#${defines}`);
        expect(
          r.at === home || r.at.startsWith(`${home}__`),
          `${term} linked inside its own definition`,
        ).toBe(false);
      }
    }
    expect(refs.filter((r) => r.kind === 'term').every((r) => terms.some((t) => t.term === textOf(r)))).toBe(
      true,
    );
  });

  it('links the longer term when terms overlap (市政府常务会议, not a part of it)', () => {
    const art = refs.filter((r) => r.kind === 'term' && r.at.startsWith('art_50'));
    expect(art.map(textOf)).toEqual(
      expect.arrayContaining(['市政府全体会议', '市政府常务会议', '市长办公会议']),
    );
  });
});
