/** meta.yaml validation: readable, positioned errors. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMeta } from '../../src/content/load-meta.ts';

describe('loadMeta', () => {
  it('accepts the seed metadata', () => {
    const path = 'content/zibo-government-work-rules/meta.yaml';
    const { meta, file } = loadMeta(readFileSync(path, 'utf8'), path);
    expect(file.messages).toEqual([]);
    expect(meta?.slug).toBe('zibo-government-work-rules');
    expect(meta?.supersedes[0]).toEqual({
      title: '淄博市人民政府工作规则',
      documentNumber: '淄政发〔2017〕2号',
      issued: '2017-02-27',
    });
  });

  it('points at the offending value with what was expected', () => {
    const text =
      'title: 甲\nslug: 不是ASCII\nauthority: 乙\ndocType: 规章\njurisdiction: CN\nstatus: valid\nsource:\n  description: 丙\n';
    const { meta, file } = loadMeta(text, 'x/meta.yaml');
    expect(meta).toBeUndefined();
    const lines = file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
    expect(lines).toContainEqual(
      expect.stringMatching(/^2:7 Unexpected value for slug: expected an ASCII slug/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^6:9 Unexpected value for status: expected one of in-force, amended, repealed, not-yet-in-force/,
      ),
    );
    expect(file.messages.every((m) => m.fatal)).toBe(true);
  });

  it('names a missing field', () => {
    const { file } = loadMeta('title: 甲\n', 'x/meta.yaml');
    expect(file.messages.map((m) => m.reason)).toContainEqual(expect.stringMatching(/^Missing slug/));
  });

  it('reports broken YAML with its position', () => {
    const { file } = loadMeta('title: [甲\n', 'x/meta.yaml');
    expect(file.messages[0]?.reason).toMatch(/^Unexpected YAML/);
    expect(file.messages[0]?.line).toBeGreaterThan(0);
  });
});
