/**
 * Transform: turn references found in the text nodes of a display tree into `reference`
 * nodes (kinds internal, citation, self, term), resolved to their targets. Runs once on the
 * simplified tree; the traditional tree is converted from the result, so both scripts share
 * the same references. Unresolvable internal references are positioned messages listing
 * what exists.
 */
import type { VFile } from 'vfile';
import type {
  Article,
  Continuation,
  Document,
  ListEntry,
  Paragraph,
  Phrasing,
  Reference,
  RegNode,
  Text,
} from '../parser/types.ts';
import { report } from '../diagnostics/message.ts';
import { detect, type Span } from './detect.ts';
import { articleRange, articlesOf, resolvePath, type Place } from './resolve.ts';
import type { Term } from './glossary.ts';
import { editionTarget } from '../versions/cite.ts';
import type { Versions } from '../versions/model.ts';
import { shortNames, titleKey, titleLookup } from './titles.ts';

/** A document the collection knows, for resolving citations. */
export interface KnownDocument {
  slug: string;
  title: string;
  documentNumber?: string;
  /** Its earlier versions, for citations of a version (《…》（2017年修正）第二十八条). */
  versions?: Versions;
  /** Other names it is cited by (meta.yaml `abbreviations`). */
  abbreviations?: readonly string[];
  status?: string;
  /** When it was issued (ISO), to prefer the newest of several versions. */
  date?: string;
  /** Its provisions, to check a pinpoint; unchecked when absent. */
  eIds?: ReadonlySet<string>;
}

export interface TransformContext {
  file: VFile;
  self: KnownDocument & { supersedes: Array<{ title: string; documentNumber?: string; issued?: string }> };
  collection: KnownDocument[];
  terms: Term[];
  /** Strict mode (meta.yaml `strict: true`): an unresolved reference is an error, not a warning. */
  strict?: boolean;
}

/** One reference found, for back-links and the citations panel. */
export interface FoundReference {
  kind: Reference['kind'];
  /** The provision the reference stands in (deepest: paragraph, item or sub-item). */
  from: string;
  /** The document it points at (`self.slug` for internal ones), when in the collection. */
  doc?: string;
  /** The provisions it points at; empty for a whole document. */
  eIds: string[];
  title?: string;
  documentNumber?: string;
  /** For citations: whether the cited document is in the collection, superseded by this one, or elsewhere. */
  status?: 'collection' | 'superseded' | 'external';
  text: string;
}

export { titleKey };

function citationTarget(
  span: Extract<Span, { kind: 'citation' }>,
  ctx: TransformContext,
  lookup: (t: string) => KnownDocument | undefined,
) {
  const { self } = ctx;
  if (span.documentNumber) {
    // A predecessor in the collection is linked like any other document.
    const known = ctx.collection.find((d) => d.documentNumber === span.documentNumber);
    if (known) return { status: 'collection' as const, doc: known };
    const predecessor = self.supersedes.find((s) => s.documentNumber === span.documentNumber);
    if (predecessor)
      return { status: 'superseded' as const, title: predecessor.title, issued: predecessor.issued };
  }
  if (span.title) {
    // A title the document shares with what it supersedes, cited with the old number, is the old one (handled above).
    const known = lookup(span.title);
    if (known) return { status: 'collection' as const, doc: known };
  }
  return { status: 'external' as const };
}

interface Walk {
  place?: Place;
  provision?: string;
}

/**
 * Apply the transform to a tree in place; returns every reference found.
 * @example linkReferences(tree, { file, self, collection: [], terms: [] })
 */
export function linkReferences(doc: Document, ctx: TransformContext): FoundReference[] {
  const articles = articlesOf(doc);
  const found: FoundReference[] = [];
  const lookup = titleLookup(ctx.collection);
  const names = shortNames(ctx.collection);
  const terms = [...ctx.terms].sort((a, b) => b.term.length - a.term.length);

  const textNodes = (parent: Paragraph | ListEntry | Continuation, walk: Walk) => {
    const out: Array<{ type: string }> = [];
    for (const child of parent.children as Array<Phrasing | ListEntry | Continuation>) {
      if (child.type !== 'text') {
        out.push(child);
        continue;
      }
      out.push(...splitText(child, walk));
    }
    parent.children = out as never;
  };

  const splitText = (node: Text, walk: Walk): Phrasing[] => {
    const text = node.value;
    const spans = detect(text, { names });
    const all: Array<{ start: number; end: number; ref: Reference }> = [];
    for (const s of spans) {
      const ref = toReference(s, text.slice(s.start, s.end), node, walk);
      if (ref) all.push({ start: s.start, end: s.end, ref });
    }
    // Terms in the gaps: longest first, never inside another reference or the defining provision.
    const gaps: Array<[number, number]> = [];
    let cursor = 0;
    for (const s of spans) {
      gaps.push([cursor, s.start]);
      cursor = s.end;
    }
    gaps.push([cursor, text.length]);
    for (const [from, to] of gaps) {
      let i = from;
      while (i < to) {
        const t = terms.find((x) => text.startsWith(x.term, i) && i + x.term.length <= to);
        const home = t?.defines.split('__')[0];
        // The defining article does not link the term to itself.
        if (!t || walk.provision === home || walk.provision!.startsWith(`${home}__`)) {
          i += t ? t.term.length : 1;
          continue;
        }
        const end = i + t.term.length;
        const ref: Reference = {
          type: 'reference',
          kind: 'term',
          target: `#${t.defines}`,
          data: { term: t.term, eId: t.defines },
          children: [textAt(node, i, end)],
        };
        all.push({ start: i, end, ref });
        found.push({
          kind: 'term',
          from: walk.provision!,
          doc: ctx.self.slug,
          eIds: [t.defines],
          text: t.term,
        });
        i = end;
      }
    }
    all.sort((a, b) => a.start - b.start);
    const out: Phrasing[] = [];
    cursor = 0;
    for (const { start, end, ref } of all) {
      if (start > cursor) out.push(textAt(node, cursor, start));
      ref.position = positionAt(node, start, end);
      out.push(ref);
      cursor = end;
    }
    if (cursor < text.length) out.push(textAt(node, cursor, text.length));
    return out.length > 0 ? out : [node];
  };

  const toReference = (s: Span, text: string, node: Text, walk: Walk): Reference | undefined => {
    const children = [textAt(node, s.start, s.end)];
    const from = walk.provision!;
    if (s.kind === 'self') {
      found.push({ kind: 'self', from, doc: ctx.self.slug, eIds: [], title: ctx.self.title, text });
      return {
        type: 'reference',
        kind: 'self',
        target: '#',
        data: { doc: ctx.self.slug, title: ctx.self.title },
        children,
      };
    }
    if (s.kind === 'citation') {
      const where = citationTarget(s, ctx, lookup);
      const data: Record<string, unknown> = {
        title: s.title,
        documentNumber: s.documentNumber,
        status: where.status,
      };
      let target: string | undefined;
      const eIds: string[] = [];
      if (where.status === 'collection') {
        data.doc = where.doc.slug;
        target = `/${where.doc.slug}/`;
        if (s.pinpoint && typeof s.pinpoint.article === 'object') {
          const a = s.pinpoint.article;
          let eId = `art_${a.num}${a.sub ? `-${a.sub}` : ''}`;
          if (typeof s.pinpoint.paragraph === 'number') eId += `__para_${s.pinpoint.paragraph}`;
          if (typeof s.pinpoint.item === 'number')
            eId += `${typeof s.pinpoint.paragraph === 'number' ? '' : '__para_1'}__item_${s.pinpoint.item}`;
          eId = checkedPinpoint(eId, where.doc, text, positionAt(node, s.start, s.end), ctx);
          if (eId) {
            data.eId = eId;
            target += `#${eId}`;
            eIds.push(eId);
          }
        }
        const edition =
          s.edition && where.doc.versions
            ? editionTarget(where.doc.slug, where.doc.versions, s.edition, data.eId as string | undefined)
            : undefined;
        if (edition)
          Object.assign(data, {
            version: edition.version,
            versionLabel: edition.label,
            inForce: edition.inForce,
          });
        if (edition && edition.version !== where.doc.versions!.current.date) {
          target = edition.target;
          // 被引用 belongs to the article in force that carries the cited one.
          eIds.splice(0, eIds.length, ...edition.inForce);
        } else if (where.doc.slug === ctx.self.slug) target = data.eId ? `#${data.eId}` : '#';
      } else if (where.status === 'superseded') {
        data.supersededBy = ctx.self.slug;
        data.issued = where.issued;
      }
      found.push({
        kind: 'citation',
        from,
        doc: where.status === 'collection' ? where.doc.slug : undefined,
        eIds,
        title: s.title ?? (where.status === 'superseded' ? where.title : undefined),
        documentNumber: s.documentNumber,
        status: where.status,
        text,
      });
      for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
      return { type: 'reference', kind: 'citation', ...(target ? { target } : {}), data, children };
    }
    // internal
    const place = walk.place!;
    const start = resolvePath(s.path, place, articles);
    let targets: string[] | undefined;
    let reason: string | undefined;
    if (!start.ok) reason = start.reason;
    else if (s.rangeTo) {
      const end = resolvePath(s.rangeTo, place, articles);
      if (!end.ok) reason = end.reason;
      else
        targets =
          articleRange(start.targets[0]!, end.targets[0]!, articles) ??
          ((reason = `the range ${text} runs backwards`), undefined);
    } else targets = start.targets;
    if (!targets) {
      // A source defect, not a reason to withhold the document: a warning, unless strict mode is asked for.
      report(ctx.file, `Unexpected reference ${text} that resolves to nothing: ${reason}`, {
        place: positionAt(node, s.start, s.end),
        ruleId: 'unresolved-reference',
        fatal: ctx.strict === true,
      });
      return { type: 'reference', kind: 'internal', data: { unresolved: reason }, children };
    }
    found.push({ kind: 'internal', from, doc: ctx.self.slug, eIds: targets, text });
    return {
      type: 'reference',
      kind: 'internal',
      target: `#${targets[0]}`,
      data: { eId: targets[0], ...(targets.length > 1 ? { targets } : {}) },
      children,
    };
  };

  const walkNode = (n: RegNode, walk: Walk) => {
    switch (n.type) {
      case 'article':
        for (const p of n.children) walkNode(p, { place: { article: n }, provision: n.eId });
        return;
      case 'paragraph': {
        // Text outside any article (a 序言, a document without articles) has no article for
        // 本条 or 前款 to mean; its references are left as text.
        if (!walk.place) return;
        const w = { place: { article: walk.place!.article, paragraph: n }, provision: n.eId };
        textNodes(n, w);
        for (const c of n.children) if (c.type === 'item') walkNode(c, w);
        return;
      }
      case 'item': {
        const w = { place: { ...walk.place!, item: n }, provision: n.eId };
        textNodes(n, w);
        for (const c of n.children) if (c.type !== 'text' && c.type !== 'reference') walkNode(c, w);
        return;
      }
      case 'subitem':
      case 'point': {
        const w = { place: walk.place, provision: n.eId };
        textNodes(n, w);
        for (const c of n.children) if (c.type !== 'text' && c.type !== 'reference') walkNode(c, w);
        return;
      }
      case 'continuation':
        textNodes(n, walk);
        return;
      default:
        if ('children' in n) for (const c of n.children) walkNode(c as RegNode, walk);
    }
  };
  walkNode(doc, {});
  return found;
}

/**
 * A pinpoint into another document, checked against that document's provisions: the deepest
 * existing provision on the path (第十四条 when 第十四条第九款 does not exist), with a warning
 * naming the reference; '' when not even the article exists.
 */
function checkedPinpoint(
  eId: string,
  doc: KnownDocument,
  text: string,
  place: ReturnType<typeof positionAt>,
  ctx: TransformContext,
): string {
  if (!doc.eIds || doc.eIds.has(eId)) return eId;
  const parts = eId.split('__');
  let found = '';
  for (let n = parts.length - 1; n > 0 && !found; n--)
    if (doc.eIds.has(parts.slice(0, n).join('__'))) found = parts.slice(0, n).join('__');
  const where = found ? `, linked to ${found} instead` : ', linked to the document';
  report(ctx.file, `Unexpected citation ${text}: 《${doc.title}》 has no ${eId}${where}`, {
    place,
    ruleId: 'unresolved-citation',
    fatal: ctx.strict === true,
  });
  return found;
}

function textAt(node: Text, start: number, end: number): Text {
  const t: Text = { type: 'text', value: node.value.slice(start, end) };
  const p = positionAt(node, start, end);
  if (p) t.position = p;
  return t;
}

/** Text nodes lie on one line, so columns and offsets shift by the index. */
function positionAt(node: Text, start: number, end: number) {
  const p = node.position;
  if (!p) return undefined;
  const at = (i: number) => ({
    line: p.start.line,
    column: p.start.column + i,
    offset: (p.start.offset ?? 0) + i,
  });
  return { start: at(start), end: at(end) };
}

export type { Article };
