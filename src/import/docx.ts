/**
 * Word (.docx), read from the document XML itself (unzipped with fflate, parsed with htmlparser2):
 * mammoth, the usual converter, drops the labels of Word's automatic numbering (its issues
 * #413, #479, #267), and offices number 第X条 and （一） that way. Here the numbering definitions
 * (numbering.xml, ECMA-376 §17.9) are replayed, so each paragraph gets the label Word displays.
 * Paragraphs in order, tables as rows of tab-separated cells; footnotes, comments, headers and
 * footers live in other parts and stay out of the body; deleted revisions are not text.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { toChineseNumeral } from '../parser/numerals.ts';
import { ImportError, type Extracted } from './types.ts';
import { isProvisionLine, isTitleLine, trimLine } from './text-lines.ts';

interface Level {
  start: number;
  fmt: string;
  text: string;
}
interface Numbering {
  abstractOf: Map<string, string>;
  startOverride: Map<string, Map<number, number>>;
  levels: Map<string, Map<number, Level>>;
}
interface Style {
  name: string;
  numId?: string;
  ilvl?: number;
  basedOn?: string;
  center: boolean;
}

const xml = (s: string) => parseDocument(s, { xmlMode: true, decodeEntities: true });
const tags = (nodes: ChildNode[]): Element[] => nodes.filter((n): n is Element => n.type === 'tag');
const child = (el: Element | undefined, name: string) =>
  el ? tags(el.children).find((c) => c.name === name) : undefined;
const val = (el: Element | undefined) => el?.attribs['w:val'];

/** All descendants named `name`, in document order. */
function find(nodes: ChildNode[], name: string, out: Element[] = []): Element[] {
  for (const n of tags(nodes)) {
    if (n.name === 'mc:Fallback') continue; // the same content again, for older readers
    if (n.name === name) out.push(n);
    find(n.children, name, out);
  }
  return out;
}

function readNumbering(text: string | undefined): Numbering {
  const n: Numbering = { abstractOf: new Map(), startOverride: new Map(), levels: new Map() };
  if (!text) return n;
  const root = xml(text).children;
  for (const a of find(root, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of tags(a.children).filter((c) => c.name === 'w:lvl')) {
      levels.set(Number(l.attribs['w:ilvl'] ?? 0), {
        start: Number(val(child(l, 'w:start')) ?? 1),
        fmt: val(child(l, 'w:numFmt')) ?? 'decimal',
        text: val(child(l, 'w:lvlText')) ?? '',
      });
    }
    n.levels.set(a.attribs['w:abstractNumId'] ?? '', levels);
  }
  for (const num of find(root, 'w:num')) {
    const id = num.attribs['w:numId'] ?? '';
    n.abstractOf.set(id, val(child(num, 'w:abstractNumId')) ?? '');
    const o = new Map<number, number>();
    for (const ov of tags(num.children).filter((c) => c.name === 'w:lvlOverride')) {
      const s = val(child(ov, 'w:startOverride'));
      if (s !== undefined) o.set(Number(ov.attribs['w:ilvl'] ?? 0), Number(s));
    }
    n.startOverride.set(id, o);
  }
  return n;
}

function readStyles(text: string | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!text) return styles;
  for (const s of find(xml(text).children, 'w:style')) {
    const ppr = child(s, 'w:pPr');
    const numPr = child(ppr, 'w:numPr');
    styles.set(s.attribs['w:styleId'] ?? '', {
      name: val(child(s, 'w:name')) ?? '',
      numId: val(child(numPr, 'w:numId')),
      ilvl: numPr ? Number(val(child(numPr, 'w:ilvl')) ?? 0) : undefined,
      basedOn: val(child(s, 'w:basedOn')),
      center: val(child(ppr, 'w:jc')) === 'center',
    });
  }
  return styles;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A counter as a level's number format shows it (ECMA-376 §17.18.59 ST_NumberFormat). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseNumeral(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
    case 'upperRoman': {
      const r = [
        [10, 'x'],
        [9, 'ix'],
        [5, 'v'],
        [4, 'iv'],
        [1, 'i'],
      ] as const;
      let out = '';
      let k = n;
      for (const [v, s] of r) while (k >= v) [out, k] = [out + s, k - v];
      return fmt === 'upperRoman' ? out.toUpperCase() : out;
    }
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** Text of a run container in order; w:br starts a new line. Deleted text and field codes are skipped. */
function runText(nodes: ChildNode[], out: string[]): void {
  for (const n of tags(nodes)) {
    switch (n.name) {
      case 'w:t':
        out[out.length - 1] += n.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
        break;
      case 'w:tab':
        out[out.length - 1] += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        out.push('');
        break;
      case 'w:pPr':
      case 'w:rPr':
      case 'w:delText':
      case 'w:instrText':
      case 'w:del':
      case 'mc:Fallback':
      case 'w:txbxContent':
        break;
      default:
        runText(n.children, out);
    }
  }
}

/** Refuse what is not a readable .docx, naming why. */
function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    const s = new TextDecoder('utf-16le').decode(bytes);
    throw new ImportError(
      s.includes('EncryptedPackage')
        ? 'password-protected .docx: remove the password in Word (文件 → 信息 → 保护文档) and save again'
        : 'a Word 97–2003 .doc file, not .docx: open it in Word or LibreOffice and save it as .docx',
    );
  }
  try {
    return unzipSync(bytes, {
      filter: (f) => /^word\/(document|numbering|styles|footnotes|comments)\.xml$/.test(f.name),
    });
  } catch (e) {
    throw new ImportError(
      `corrupt .docx: not a readable ZIP archive (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

/**
 * Read a Word document.
 * @example readDocx(bytes).lines // ['某某条例', '第一章　总则', '第一条　为了……', '（一）……']
 */
export function readDocx(bytes: Uint8Array): Extracted {
  const parts = unzip(bytes);
  const utf8 = (name: string) => (parts[name] ? new TextDecoder().decode(parts[name]) : undefined);
  const documentXml = utf8('word/document.xml');
  if (!documentXml) throw new ImportError('corrupt .docx: it has no word/document.xml');
  const numbering = readNumbering(utf8('word/numbering.xml'));
  const styles = readStyles(utf8('word/styles.xml'));
  const body = find(xml(documentXml).children, 'w:body')[0];
  if (!body) throw new ImportError('corrupt .docx: word/document.xml has no body');
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  let added = '';
  let title: string | undefined;
  let numbered = 0;
  let seenProvision = false;
  const styleChain = (id: string | undefined): Style[] => {
    const out: Style[] = [];
    for (
      let s = id ? styles.get(id) : undefined;
      s && out.length < 10;
      s = s.basedOn ? styles.get(s.basedOn) : undefined
    )
      out.push(s);
    return out;
  };
  const label = (numId: string, ilvl: number): string => {
    const levels = numbering.levels.get(numbering.abstractOf.get(numId) ?? '');
    if (!levels || numId === '0') return '';
    const over = numbering.startOverride.get(numId) ?? new Map<number, number>();
    const startOf = (l: number) => over.get(l) ?? levels.get(l)?.start ?? 1;
    const c = counters.get(numId) ?? [];
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    c.length = ilvl + 1; // deeper levels restart under a new higher-level number
    counters.set(numId, c);
    const lvl = levels.get(ilvl);
    if (!lvl || lvl.fmt === 'bullet') return '';
    return lvl.text.replace(/%(\d)/g, (_, k: string) => {
      const l = Number(k) - 1;
      return formatNumber(c[l] ?? startOf(l), levels.get(l)?.fmt ?? 'decimal');
    });
  };
  const paragraph = (p: Element): string[] => {
    const ppr = child(p, 'w:pPr');
    const chain = styleChain(val(child(ppr, 'w:pStyle')));
    const numPr = child(ppr, 'w:numPr');
    const numId = val(child(numPr, 'w:numId')) ?? chain.find((s) => s.numId)?.numId;
    const ilvl = Number(val(child(numPr, 'w:ilvl')) ?? chain.find((s) => s.ilvl !== undefined)?.ilvl ?? 0);
    const out = [''];
    runText(p.children, out);
    if (trimLine(out.join('')) === '') return [''];
    let lab = numId ? label(numId, ilvl) : '';
    if (lab) {
      numbered++;
      added += lab;
      // 第X条 and 第X章 are followed by a space in published texts; （一） and 1. are not.
      if (/[条章节编]$/.test(lab) && !/^[\s\u3000]/.test(out[0]!)) lab += '\u3000';
      out[0] = lab + out[0]!.replace(/^[\t ]+/, '');
    }
    const first = trimLine(out[0]!);
    const isTitle = chain.some((s) => /^title$|^标题$/i.test(s.name));
    const centered = val(child(ppr, 'w:jc')) === 'center' || chain.some((s) => s.center);
    if (title === undefined && !seenProvision && (isTitle || (centered && isTitleLine(first)))) title = first;
    if (isProvisionLine(first)) seenProvision = true;
    return out;
  };
  const walk = (nodes: ChildNode[]) => {
    for (const n of tags(nodes)) {
      if (n.name === 'w:p') {
        lines.push(...paragraph(n));
        for (const box of find(n.children, 'w:txbxContent')) walk(box.children);
      } else if (n.name === 'w:tbl') {
        for (const tr of tags(n.children).filter((c) => c.name === 'w:tr')) {
          const cells = tags(tr.children)
            .filter((c) => c.name === 'w:tc')
            .map((tc) =>
              find(tc.children, 'w:p')
                .map((p) => paragraph(p).join(' ').trim())
                .join(' '),
            );
          lines.push(cells.join('\t'));
        }
      } else if (
        n.name === 'w:sdt' ||
        n.name === 'w:sdtContent' ||
        n.name === 'w:customXml' ||
        n.name === 'w:ins'
      ) {
        walk(n.children);
      }
    }
  };
  walk(body.children);
  while (lines.length > 0 && trimLine(lines.at(-1)!) === '') lines.pop();
  while (lines.length > 0 && trimLine(lines[0]!) === '') lines.shift();
  const text = find(body.children, 'w:t')
    .map((t) => t.children.map((c) => (c.type === 'text' ? c.data : '')).join(''))
    .join('\n');
  const notes: string[] = [];
  if (numbered > 0) notes.push(`${numbered} labels rebuilt from Word's automatic numbering`);
  const footnotes = (utf8('word/footnotes.xml')?.match(/<w:footnote\b[^>]*w:id="[1-9]/g) ?? []).length;
  const comments = (utf8('word/comments.xml')?.match(/<w:comment\b/g) ?? []).length;
  if (footnotes > 0) notes.push(`${footnotes} footnotes kept out of the body`);
  if (comments > 0) notes.push(`${comments} comments kept out of the body`);
  return {
    format: 'docx',
    lines: lines.map((l) => l.replace(/[ \t\u00a0]+$/, '')),
    leftOut: [],
    body: text,
    markup: '',
    added,
    title,
    notes,
  };
}
