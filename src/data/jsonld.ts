/**
 * schema.org `Legislation` for a document page, as JSON-LD, and its safe embedding in HTML.
 * Build time only.
 */
import type { DocumentMeta } from '../content/meta-schema.ts';

const FORCE: Record<DocumentMeta['status'], string> = {
  'in-force': 'https://schema.org/InForce',
  amended: 'https://schema.org/NotInForce',
  repealed: 'https://schema.org/NotInForce',
  'not-yet-in-force': 'https://schema.org/NotInForce',
};

export interface LegislationInput {
  meta: DocumentMeta;
  /** The title in the page's script. */
  name: string;
  /** BCP 47 tag of the page. */
  inLanguage: string;
  /** The page's address (absolute when the site's origin is configured). */
  url: string;
  /** On a traditional page: the simplified original it was converted from. */
  convertedFrom?: string;
}

/** The schema.org Legislation object of a document. */
export function legislationJsonLd({
  meta,
  name,
  inLanguage,
  url,
  convertedFrom,
}: LegislationInput): Record<string, unknown> {
  const date = meta.dates.issued ?? meta.dates.adopted;
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name,
    ...(meta.documentNumber && { legislationIdentifier: meta.documentNumber }),
    legislationType: meta.docType,
    ...(date && { legislationDate: date, datePublished: date }),
    ...(meta.dates.effective && {
      temporalCoverage: `${meta.dates.effective}/${meta.dates.repealed ?? '..'}`,
    }),
    legislationJurisdiction: meta.jurisdiction,
    legislationPassedBy: { '@type': 'GovernmentOrganization', name: meta.authority },
    legislationLegalForce: FORCE[meta.status],
    inLanguage,
    url,
    isBasedOn: meta.source.url ?? { '@type': 'CreativeWork', description: meta.source.description },
    ...(convertedFrom && { translationOfWork: { '@type': 'Legislation', url: convertedFrom } }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and the line separators
 * escaped, so no text in it can close the element or break the page.
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
