import { expect, test } from 'vitest';
import { jsonForScript, legislationJsonLd } from '../../src/data/jsonld.ts';
import { fixtureCollection } from '../browser/fixture.ts';

const meta = fixtureCollection.documents[0]!.meta;

test('Legislation carries identifier, dates, jurisdiction, legal force, language and source', () => {
  const ld = legislationJsonLd({
    meta,
    name: meta.title,
    inLanguage: 'zh-Hans',
    url: '/example-registration-measures/',
  });
  expect(ld).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: '示例市登记管理办法',
    legislationIdentifier: '示例市人民政府令第1号',
    legislationDate: '2026-01-05',
    datePublished: '2026-01-05',
    legislationJurisdiction: 'CN-SD',
    legislationLegalForce: 'https://schema.org/NotInForce',
    inLanguage: 'zh-Hans',
    url: '/example-registration-measures/',
    isBasedOn: { '@type': 'CreativeWork', description: '测试用示例文本' },
  });
  const inForce = legislationJsonLd({
    meta: { ...meta, status: 'in-force', documentNumber: undefined, dates: {} },
    name: 'x',
    inLanguage: 'zh-Hant',
    url: 'u',
    convertedFrom: 'v',
  });
  expect(inForce.legislationLegalForce).toBe('https://schema.org/InForce');
  expect(inForce).not.toHaveProperty('legislationIdentifier');
  expect(inForce).not.toHaveProperty('datePublished');
  expect(inForce.translationOfWork).toEqual({ '@type': 'Legislation', url: 'v' });
});

test('JSON for a script element cannot close it', () => {
  const text = jsonForScript({ name: '</script><script>alert(1)</script> & \u2028' });
  expect(text).not.toMatch(/[<>&\u2028]/);
  expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & \u2028' });
});
