/**
 * Every rule of the data loaders has an ok and a not-ok fixture (tests/fixtures/rules/<rule-id>/),
 * as remark-lint's rules do: the ok one raises nothing, the not-ok one raises that rule as a
 * positioned error, and its report is kept as messages.txt. Every rule id the code can raise is
 * kebab-case and has its section in docs/rules.md, which each message's url points to.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMeta } from '../../src/content/load-meta.ts';
import { loadGlossary } from '../../src/references/glossary.ts';
import { loadAliases } from '../../src/anchors/aliases.ts';
import { loadManifest } from '../../src/anchors/manifest.ts';
import { parseOverrides } from '../../src/variant/overrides.ts';
import { collectionSchema } from '../../src/data/collection-schema.ts';
import { loadJson } from '../../src/diagnostics/load.ts';
import { formatMessages } from '../../src/diagnostics/reporter.ts';
import { RULE_ID, RULES_DOC } from '../../src/diagnostics/rules.ts';

const ROOT = 'tests/fixtures/rules';

/** The loader of each data file, by the rule prefix. */
const loaders: Record<string, (text: string, path: string) => VFile> = {
  meta: (t, p) => loadMeta(t, p).file,
  glossary: (t, p) => loadGlossary(t, p).file,
  aliases: (t, p) => loadAliases(t, p).file,
  overrides: (t, p) => parseOverrides(t, p).file,
  manifest: (t, p) => loadManifest(t, p).file,
  collection: (t, p) => loadJson(t, p, collectionSchema, { rule: 'collection' }).file,
};

const fileRules = readdirSync(ROOT).filter(
  (r) => !existsSync(join(ROOT, r, 'ok', '')) && r.split('-')[0]! in loaders,
);
const buildRules = readdirSync(ROOT).filter((r) => existsSync(join(ROOT, r, 'ok', '')));

describe('loader rules', () => {
  it('has fixtures for every loader and both syntax and schema rules', () => {
    for (const prefix of Object.keys(loaders)) {
      const syntax = prefix === 'manifest' || prefix === 'collection' ? 'json' : 'yaml';
      expect(fileRules).toContain(`${prefix}-${syntax}`);
      expect(fileRules).toContain(`${prefix}-schema`);
    }
  });

  for (const rule of fileRules) {
    const load = loaders[rule.split('-')[0]!]!;
    const ext =
      rule.endsWith('-json') || rule.startsWith('manifest') || rule.startsWith('collection')
        ? 'json'
        : 'yaml';
    it(`${rule}: ok raises nothing, not-ok raises ${rule} with a range`, async () => {
      const okPath = join(ROOT, rule, `ok.${ext}`);
      expect(load(readFileSync(okPath, 'utf8'), okPath).messages).toEqual([]);
      const badPath = join(ROOT, rule, `not-ok.${ext}`);
      const file = load(readFileSync(badPath, 'utf8'), badPath);
      expect(file.messages.map((m) => m.ruleId)).toContain(rule);
      for (const m of file.messages) {
        expect(m.fatal, m.reason).toBe(true);
        expect(m.source).toBe('tiaowen');
        expect(m.url).toBe(`${RULES_DOC}#${m.ruleId}`);
        expect(m.place && 'start' in m.place ? m.place.start.line : 0, m.reason).toBeGreaterThan(0);
        expect(m.reason).toMatch(/^(Unexpected|Missing) /);
      }
      await expect(formatMessages([file], { color: false }) + '\n').toMatchFileSnapshot(
        join(process.cwd(), ROOT, rule, 'messages.txt'),
      );
    });
  }
});

describe('build rules (a folder of documents through npm run content)', () => {
  const work = mkdtempSync(join(tmpdir(), 'tiaowen-rules-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const build = async (dir: string) => {
    const content = join(work, dir.replaceAll('/', '_'));
    cpSync(dir, content, { recursive: true });
    cpSync('content/conversion-overrides.yaml', join(content, 'conversion-overrides.yaml'));
    const args = ['scripts/build-content.ts', '--content', content, '--out', join(content, 'out.json')];
    return promisify(execFile)(process.execPath, args, { encoding: 'utf8' }).then(
      (r) => ({ status: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ status: e.code, stderr: e.stderr }),
    );
  };

  it('has the build rules', () => {
    expect(buildRules.sort()).toEqual(['alias-target', 'anchor-removed', 'glossary-target', 'meta-slug']);
  });

  it('passes each ok folder and fails each not-ok folder with its rule', async () => {
    const runs = await Promise.all(
      buildRules.flatMap((rule) =>
        ['ok', 'not-ok'].map(async (c) => ({ rule, c, ...(await build(join(ROOT, rule, c))) })),
      ),
    );
    for (const { rule, c, status, stderr } of runs) {
      if (c === 'ok') {
        expect(status, `${rule} ok: ${stderr}`).toBe(0);
        expect(stderr).not.toMatch(/error/);
      } else {
        expect(status, `${rule} not-ok`).toBe(1);
        expect(stderr).toMatch(new RegExp(`error .* ${rule} +tiaowen`));
        expect(stderr).not.toMatch(/\n\s+at /);
      }
    }
  }, 120_000); // eight content builds as child processes: slow on a busy machine
});

describe('rule ids', () => {
  const docs = readFileSync(RULES_DOC, 'utf8');
  const documented = [...docs.matchAll(/^### ([a-z0-9-]+)$/gm)].map((m) => m[1]!);

  /** Rule ids as the code raises them, read from the source. */
  function raised(): string[] {
    const ids = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (/\.(ts|astro)$/.test(e.name)) {
          const text = readFileSync(path, 'utf8');
          const patterns = [
            /ruleId: '([^']+)'/g,
            /orphan\(l, '([^']+)'/g,
            /checkRun\([^;]*?, '([^']+)', '[^']+'\);/g,
            /report\([^;]*?, '([^']+)', (?:true|false)\)/g,
            // report(…) and warn(…) over several lines, with a severity variable or none
            /\b(?:warn|report)\((?:[^()]|\([^()]*\))*?'([a-z]+(?:-[a-z]+)+)',?\s*(?:[a-zA-Z.]+(?: === true)?,?\s*)?\)/g,
            /\brun\([^;]*?,\s*'([a-z]+(?:-[a-z]+)*-number)'/g,
          ];
          for (const p of patterns) for (const m of text.matchAll(p)) ids.add(m[1]!);
          for (const m of text.matchAll(/loadYaml\([^;]*?rule: '([^']+)'/g))
            ids.add(`${m[1]}-yaml`).add(`${m[1]}-schema`);
          for (const m of text.matchAll(/loadJson\([^;]*?rule: '([^']+)'/g))
            ids.add(`${m[1]}-json`).add(`${m[1]}-schema`);
          // src/versions/yaml.ts's adapter takes the rule prefix as its last argument
          for (const m of text.matchAll(/loadYaml\([a-zA-Z]+Schema, [^;]*?, '([a-z]+)'\)/g))
            ids.add(`${m[1]}-yaml`).add(`${m[1]}-schema`);
        }
      }
    };
    walk('src');
    walk('scripts');
    return [...ids].sort();
  }

  it('are kebab-case and each has its section in docs/rules.md', () => {
    const ids = raised();
    expect(ids.length).toBeGreaterThan(25);
    for (const id of ids) {
      expect(id).toMatch(RULE_ID);
      expect(documented, `${id} is not documented in ${RULES_DOC}`).toContain(id);
    }
  });

  it('documents no rule the code does not raise', () => {
    expect(documented.filter((id) => !raised().includes(id))).toEqual([]);
  });
});
