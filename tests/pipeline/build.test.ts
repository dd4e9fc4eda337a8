/** The content stage as a library: index, artefacts, messages and reuse, from files given in memory. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { buildCollection, type BuildOptions, type DocumentInput } from '../../src/pipeline/build.ts';
import { restoreMessages, storeMessages } from '../../src/diagnostics/stored.ts';
import { readDocuments } from '../../scripts/lib/content-files.ts';

const overrides = {
  path: 'content/conversion-overrides.yaml',
  text: readFileSync('content/conversion-overrides.yaml', 'utf8'),
};
const options = (more: Partial<BuildOptions> = {}): BuildOptions => ({
  overrides,
  codeVersion: 'v1',
  ...more,
});
const bytes = (s: string) => new TextEncoder().encode(s);

const meta = (slug: string, title: string) =>
  [
    `title: ${title}`,
    `slug: ${slug}`,
    'authority: 示例市人民政府',
    'docType: 规范性文件',
    'jurisdiction: CN-SD',
    'status: in-force',
    'source:',
    '  description: 为测试编写的文本',
    '',
  ].join('\n');

function doc(folder: string, title: string, source: string): DocumentInput {
  return {
    folder,
    dir: `c/${folder}`,
    source: { path: `c/${folder}/source.txt`, bytes: bytes(source) },
    meta: { path: `c/${folder}/meta.yaml`, text: meta(folder, title) },
  };
}

const a = doc(
  'alpha-rules',
  '示例市会议规则',
  '第一条　为了规范会议，制定本规则。\n第二条　会议由市长召集。\n第三条　违反本规则第二条的，予以通报。\n',
);
const b = doc(
  'beta-measures',
  '示例市档案办法',
  '第一条　为了管理档案，制定本办法。\n第二条　会议记录依照《示例市会议规则》第二条归档。\n',
);

/** The inputs as they read once the manifests a build returned are written. */
const written = (inputs: DocumentInput[], manifests: Array<{ path: string; text: string }>) =>
  inputs.map((d) => {
    const m = manifests.find((x) => x.path === `${d.dir}/anchors.json`);
    return m ? { ...d, anchors: m } : d;
  });

const edit = (d: DocumentInput, from: string, to: string): DocumentInput => ({
  ...d,
  source: { ...d.source, bytes: bytes(new TextDecoder().decode(d.source.bytes).replace(from, to)) },
});

describe('buildCollection', () => {
  it('returns an index entry and an artefact per document: trees in both variants, references, back-links across documents', () => {
    const r = buildCollection([a, b], options());
    expect(r.ok, r.errors.join('\n')).toBe(true);
    expect(r.built.map((x) => x.path)).toEqual([
      'documents/alpha-rules.json',
      'documents/beta-measures.json',
    ]);
    const alpha = r.built[0]!.artefact;
    expect(JSON.stringify(alpha.treeHant)).toContain('會議');
    expect(JSON.stringify(alpha.tree)).toContain('会议');
    const [indexA, indexB] = r.index.documents;
    expect(indexA!.titleHant).toBe('示例市會議規則');
    expect(indexA!.artefact).toBe('documents/alpha-rules.json');
    // The index holds no trees: the pages read them from the artefact.
    expect(indexA).not.toHaveProperty('tree');
    // B cites A's article 2: A's entry lists B among the provisions referring to art_2.
    expect(indexA!.backlinks['art_2']?.map((l) => l.doc)).toContain('beta-measures');
    expect(indexB!.citations.map((c) => c.doc)).toEqual(['alpha-rules']);
    expect(
      r.built[1]!.artefact.references.some((x) => x.kind === 'citation' && x.doc === 'alpha-rules'),
    ).toBe(true);
    // First publication: an anchor manifest for each document, for the caller to write.
    expect(r.manifests.map((m) => m.path)).toEqual([
      'c/alpha-rules/anchors.json',
      'c/beta-measures/anchors.json',
    ]);
    expect(r.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual([
      'anchors-recorded',
      'anchors-recorded',
    ]);
  });

  it('reuses every artefact when nothing changed, reporting again what the first build reported', () => {
    const first = buildCollection([a, b], options());
    const inputs = written([a, b], first.manifests);
    const same = buildCollection(inputs, options({ previous: first.index }));
    expect(same.ok).toBe(true);
    expect(same.built).toEqual([]);
    expect(same.manifests).toEqual([]);
    expect(same.index.documents.map((d) => d.build.key)).toEqual(
      first.index.documents.map((d) => d.build.key),
    );
    // Back-links are computed again from the references kept in the index.
    expect(same.index.documents[0]!.backlinks).toEqual(first.index.documents[0]!.backlinks);
    expect(same.log).toEqual(first.log);
    // The manifests were recorded by the first build: that is not news the second time.
    expect(same.files).toEqual([]);
    // What the pages read of the index is the same, byte for byte.
    const pages = (r: typeof first) =>
      JSON.stringify(r.index.documents.map((d) => ({ ...d, build: undefined })));
    expect(pages(same)).toBe(pages(first));
  });

  it('builds again only the document whose text changed, when its provisions stay the same', () => {
    const first = buildCollection([a, b], options());
    const [wa, wb] = written([a, b], first.manifests);
    const one = buildCollection([wa!, edit(wb!, '归档', '及时归档')], options({ previous: first.index }));
    expect(one.ok).toBe(true);
    expect(one.built.map((x) => x.path)).toEqual(['documents/beta-measures.json']);
  });

  it('builds every document again when what citations resolve against changes: a title, a provision, the code', () => {
    const first = buildCollection([a, b], options());
    const [wa, wb] = written([a, b], first.manifests);
    const previous = first.index;
    // A renamed: B's citation of 《示例市会议规则》 no longer finds it, so B's artefact must change too.
    const renamed = { ...wa!, meta: { ...wa!.meta, text: meta('alpha-rules', '示例市会议制度') } };
    const r1 = buildCollection([renamed, wb!], options({ previous }));
    expect(r1.built.map((x) => x.path)).toEqual([
      'documents/alpha-rules.json',
      'documents/beta-measures.json',
    ]);
    expect(r1.index.documents[1]!.citations.map((c) => c.doc)).toEqual([undefined]);
    // A gains an article: a pinpoint into it (第四条) in B would resolve now.
    const longer = edit(wa!, '予以通报。\n', '予以通报。\n第四条　本规则自发布之日起施行。\n');
    expect(buildCollection([longer, wb!], options({ previous })).built).toHaveLength(2);
    expect(buildCollection([wa!, wb!], options({ previous, codeVersion: 'v2' })).built).toHaveLength(2);
    expect(
      buildCollection(
        [wa!, wb!],
        options({ previous, overrides: { ...overrides, text: `${overrides.text}\n` } }),
      ).built,
    ).toHaveLength(2);
  });

  it('builds again a document whose earlier version changed, and those citing it', () => {
    const { inputs } = readDocuments('tests/fixtures/versions/site');
    const first = buildCollection(inputs, options());
    expect(first.ok, first.files.map(String).join('\n')).toBe(true);
    const law = first.index.documents.find((d) => d.meta.slug === 'example-review-law')!;
    expect(law.versioned).toBe(true);
    expect(
      first.built
        .find((x) => x.path.endsWith('example-review-law.json'))!
        .artefact.versions!.earlier.map((v) => v.date),
    ).toEqual(['2017-09-01']);
    const anchored = inputs.map((d) => {
      const m = first.manifests.find((x) => x.path === `${d.dir}/anchors.json`);
      const versions = d.versions && {
        ...d.versions,
        folders: d.versions.folders.map((f) => ({
          ...f,
          anchors: first.manifests.find((x) => x.path === f.anchorsPath) ?? f.anchors,
        })),
      };
      return { ...d, ...(m && { anchors: m }), ...(versions && { versions }) };
    });
    expect(buildCollection(anchored, options({ previous: first.index })).built).toEqual([]);
    const changed = anchored.map((d) =>
      d.versions
        ? {
            ...d,
            versions: {
              ...d.versions,
              folders: d.versions.folders.map((f) => ({
                ...f,
                yaml: { ...f.yaml!, text: `${f.yaml!.text}amendingAct: 示例决定\n` },
              })),
            },
          }
        : d,
    );
    const again = buildCollection(changed, options({ previous: first.index }));
    expect(again.built.map((x) => x.path).sort()).toEqual([
      'documents/example-review-law.json',
      'documents/example-review-rules.json',
    ]);
  });

  it('reports errors with file and line, a published anchor that disappeared, and a duplicate slug', () => {
    const broken = doc('gamma', '示例市丙规定', '第一条　甲。\n第三条　乙。\n');
    const strict = { ...broken, meta: { ...broken.meta, text: `${broken.meta.text}strict: true\n` } };
    const r = buildCollection([strict], options());
    expect(r.ok).toBe(false);
    const m = r.files.flatMap((f) => f.messages.map((x) => `${f.path}:${x.line}: ${x.ruleId}`));
    expect(m).toContain('c/gamma/source.txt:2: article-number');

    const published = buildCollection([a], options()).manifests[0]!;
    const shorter = edit({ ...a, anchors: published }, '第三条　违反本规则第二条的，予以通报。\n', '');
    const removed = buildCollection([shorter], options());
    expect(removed.ok).toBe(false);
    expect(removed.files.flatMap((f) => f.messages.map((x) => x.ruleId))).toContain('anchor-removed');

    const twice = buildCollection(
      [a, { ...b, meta: { ...b.meta, text: meta('alpha-rules', '示例市档案办法') } }],
      options(),
    );
    expect(twice.ok).toBe(false);
    expect(twice.files.flatMap((f) => f.messages.map((x) => x.ruleId))).toContain('meta-slug');
  });

  it('names a source it cannot decode', () => {
    const r = buildCollection(
      [{ ...a, source: { ...a.source, bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]) } }],
      options(),
    );
    expect(r.ok).toBe(false);
    expect(r.errors.join('\n')).toContain('c/alpha-rules/source.txt: cannot decode the file');
  });
});

describe('stored messages', () => {
  it('come back with their place, rule, severity and note', () => {
    const file = new VFile({ path: 'x/source.txt', value: '甲\n乙\n' });
    const error = file.message('Unexpected 乙, expected 甲', {
      place: { line: 2, column: 1 },
      ruleId: 'demo',
    });
    error.fatal = true;
    error.note = 'a fix';
    file.message('A warning', { ruleId: 'other' }).fatal = false;
    file.message('Info', { ruleId: 'info' }).fatal = null;
    const [back] = restoreMessages(
      JSON.parse(JSON.stringify(storeMessages([file]))),
      new Map([['x/source.txt', '甲\n乙\n']]),
    );
    expect(back!.messages.map((m) => [m.reason, m.line, m.ruleId, m.fatal, m.note])).toEqual([
      ['Unexpected 乙, expected 甲', 2, 'demo', true, 'a fix'],
      ['A warning', undefined, 'other', false, undefined],
      ['Info', undefined, 'info', null, undefined],
    ]);
    expect(String(back!.value)).toBe('甲\n乙\n');
  });
});
