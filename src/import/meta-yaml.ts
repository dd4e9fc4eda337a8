/**
 * meta.yaml as a person reads it: every drafted value followed by `# guessed: <evidence>`.
 * A person confirms a value by deleting its comment; a re-import then keeps that value, and
 * replaces only the values still marked as guessed (and never the slug).
 */
import { parse, stringify } from 'yaml';
import type { Draft, Guess } from './meta-draft.ts';

type Fields = Record<string, unknown>;

/** Keys (dotted for dates) whose line in an existing meta.yaml has no `# guessed` comment. */
export function confirmedKeys(yaml: string): Set<string> {
  const out = new Set<string>();
  let parent = '';
  for (const line of yaml.split('\n')) {
    const m = /^(\s*)([A-Za-z]+):(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '') parent = m[3]!.trim() === '' ? m[2]! : '';
    const key = m[1] !== '' && parent ? `${parent}.${m[2]}` : m[2]!;
    if (!/#\s*guessed/.test(m[3]!) && m[3]!.trim() !== '') out.add(key);
  }
  return out;
}

/** Keys (dotted for dates) still marked `# guessed`. */
export function guessedKeys(yaml: string): string[] {
  let parent = '';
  const out: string[] = [];
  for (const line of yaml.split('\n')) {
    const m = /^(\s*)([A-Za-z]+):(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '') parent = m[3]!.trim() === '' ? m[2]! : '';
    if (/#\s*guessed/.test(m[3]!)) out.push(m[1] !== '' && parent ? `${parent}.${m[2]}` : m[2]!);
  }
  return out;
}

const scalar = (v: unknown) => stringify(v, { lineWidth: 0 }).trim();
const comment = (why: string) => `   # guessed: ${why.replace(/\s+/g, ' ').slice(0, 100)}`;

/**
 * Render the draft, keeping the slug and every confirmed value of an existing meta.yaml.
 * @returns the text and the values that differ from the existing file, as `key: old → new`.
 */
export function renderMeta(
  draft: Draft,
  slug: string,
  source: string,
  existing?: string,
): { text: string; changed: string[] } {
  const old: Fields = existing ? ((parse(existing) as Fields | null) ?? {}) : {};
  const oldDates = (old.dates ?? {}) as Fields;
  const confirmed = existing ? confirmedKeys(existing) : new Set<string>();
  const changed: string[] = [];
  const out = [
    '# Drafted by `npm run import` from what the document says. Check every value marked',
    '# "guessed", then delete its comment: a re-import keeps confirmed values. Schema: src/content/meta-schema.ts',
  ];
  const field = (key: string, g: Guess<string> | undefined, indent = '') => {
    const oldValue = key.startsWith('dates.') ? oldDates[key.slice(6)] : old[key];
    if (confirmed.has(key) && oldValue !== undefined) {
      out.push(`${indent}${key.replace(/^dates\./, '')}: ${scalar(oldValue)}`);
      return;
    }
    if (!g) {
      if (existing && oldValue !== undefined) changed.push(`${key}: ${String(oldValue)} removed`);
      return;
    }
    if (existing && oldValue !== undefined && String(oldValue) !== g.value)
      changed.push(`${key}: ${String(oldValue)} → ${g.value}`);
    if (existing && oldValue === undefined) changed.push(`${key}: added ${g.value}`);
    out.push(`${indent}${key.replace(/^dates\./, '')}: ${scalar(g.value)}${comment(g.why)}`);
  };
  field('title', draft.title);
  out.push(
    `slug: ${typeof old.slug === 'string' ? old.slug : slug}   # the public address: never change it once published`,
  );
  field('authority', draft.authority);
  field('docType', draft.docType);
  field('documentNumber', draft.documentNumber);
  field('jurisdiction', draft.jurisdiction);
  field('status', draft.status);
  const dateKeys = ['adopted', 'issued', 'amended', 'effective', 'repealed'] as const;
  const dateLines = out.length;
  out.push('dates:');
  for (const k of dateKeys) field(`dates.${k}`, draft.dates[k], '  ');
  if (out.length === dateLines + 1) out[dateLines] = 'dates: {}';
  // What the import does not draft is a person's: carried over as it is.
  for (const key of ['supersedes', 'citeArticlesAs'] as const) {
    if (old[key] !== undefined) out.push(stringify({ [key]: old[key] }, { lineWidth: 0 }).trimEnd());
  }
  out.push(
    old.source !== undefined
      ? stringify({ source: old.source }, { lineWidth: 0 }).trimEnd()
      : `source:\n  description: ${scalar(source)}`,
  );
  return { text: out.join('\n') + '\n', changed };
}
