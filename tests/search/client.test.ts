import { describe, expect, it } from 'vitest';
import { buildExcerpt, verify } from '../../src/search/client.ts';
import { normalize, normalizeText } from '../../src/search/normalize.ts';
import { FIELD } from '../../src/search/schema.ts';

const fragment = (text: string, aliases = '') => ({
  url: '/x/#art_1',
  filters: { [FIELD.text]: [text], [FIELD.kind]: ['provision'], [FIELD.label]: ['十一、'], [FIELD.slug]: ['x'], ...(aliases ? { [FIELD.aliases]: [aliases] } : {}) },
});
const id = (s: string) => s;
const show = (parts: Array<{ text: string; mark: boolean }>) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('verify', () => {
  it('accepts a fragment containing the query and marks the original characters', () => {
    const hit = verify(fragment('市政府全体会议一般每年召开１—２次。'), normalizeText('1-2次'), id);
    expect(hit && show(hit.excerpt)).toBe('市政府全体会议一般每年召开[１—２次]。');
    expect(hit?.label).toBe('十一、');
  });

  it('rejects a fragment that does not contain the query', () => {
    expect(verify(fragment('第三十一条　市政府'), normalizeText('第十一条'), id)).toBeNull();
    expect(verify(fragment('召开12次'), normalizeText('1—2次'), id)).toBeNull();
  });

  it('matches aliases and shows them marked', () => {
    const hit = verify(fragment('十一、市政府工作部门', '第十一条'), normalizeText('第十一条'), id);
    expect(hit && show(hit.excerpt)).toBe('[第十一条] 十一、市政府工作部门');
  });
});

describe('buildExcerpt', () => {
  it('cuts long text around the first match and marks every match in the window', () => {
    const text = '甲'.repeat(50) + '会议' + '乙'.repeat(10) + '会议' + '丙'.repeat(100);
    const parts = buildExcerpt(text, normalize(text), '会议', 5, 30);
    expect(show(parts)).toBe(`…${'甲'.repeat(5)}[会议]${'乙'.repeat(10)}[会议]${'丙'.repeat(11)}…`);
  });

  it('merges overlapping matches', () => {
    expect(show(buildExcerpt('哈哈哈', normalize('哈哈哈'), '哈哈'))).toBe('[哈哈哈]');
  });
});
