/**
 * PDF with a text layer, read with pdfjs-dist. The text items are laid out as lines from their
 * positions; lines repeated at the top or bottom of the pages (running heads, footers) and page
 * numbers are left out and listed; a line that reaches the right margin and is followed by one
 * that starts at the left margin (not indented, not a new 第X条 / （一）) is a hard wrap and is
 * rejoined — Chinese needs no space at the join. Two-column pages are read column by column.
 * A PDF without text (a scan) is refused.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError, type Extracted, type LeftOut } from './types.ts';
import { isProvisionLine, trimLine } from './text-lines.ts';

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
  /** 0 on a one-column page; 1 and 2 for the left and right column. */
  col: number;
}

/**
 * The gutter of a two-column page: an x in the middle of the text that no item crosses, with a
 * good share of the items on each side. Items that cross it (a title over both columns) may be
 * at most a tenth of them.
 */
function gutter(items: Item[]): number | undefined {
  const spans = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => [i.transform[4]!, i.transform[4]! + i.width] as const);
  if (spans.length < 10) return undefined;
  const lo = Math.min(...spans.map((s) => s[0]));
  const hi = Math.max(...spans.map((s) => s[1]));
  let best: { x: number; crossing: number } | undefined;
  for (let x = lo + (hi - lo) * 0.3; x <= lo + (hi - lo) * 0.7; x += 2) {
    const left = spans.filter((s) => s[1] <= x).length;
    const right = spans.filter((s) => s[0] >= x).length;
    const crossing = spans.length - left - right;
    if (left >= spans.length * 0.25 && right >= spans.length * 0.25 && crossing <= spans.length * 0.1) {
      if (!best || crossing < best.crossing) best = { x, crossing };
    }
  }
  return best?.x;
}

/**
 * A page's lines in reading order: on a two-column page, rows that span both columns above,
 * then the left column, then the right.
 */
function pageLines(items: Item[], page: number): PdfLine[] {
  const x = gutter(items);
  if (x === undefined) return rowLines(items, page, 0);
  // A row with any item across the gutter (a title, a note over both columns) spans the page.
  const crosses = (i: Item) => i.transform[4]! < x && i.transform[4]! + i.width > x && i.str.trim() !== '';
  const near = (a: Item, b: Item) =>
    Math.abs(a.transform[5]! - b.transform[5]!) < Math.abs(a.transform[3]! || 10) * 0.5;
  const crossing = items.filter(crosses);
  const spanning = items.filter((i) => crossing.some((c) => near(c, i)));
  const rest = items.filter((i) => !spanning.includes(i));
  const left = rest.filter((i) => i.transform[4]! + i.width <= x);
  const right = rest.filter((i) => !left.includes(i));
  const top = Math.max(...rest.filter((i) => i.str.trim() !== '').map((i) => i.transform[5]!));
  const above = spanning.filter((i) => i.transform[5]! > top);
  const below = spanning.filter((i) => i.transform[5]! <= top);
  return [
    ...rowLines(above, page, 0),
    ...rowLines(left, page, 1),
    ...rowLines(right, page, 2),
    ...rowLines(below, page, 0),
  ];
}

/** Group items into lines by baseline, left to right. */
function rowLines(items: Item[], page: number, col: number): PdfLine[] {
  const sorted = items
    .filter((i) => i.str !== '')
    .sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!);
  const lines: Array<{ y: number; size: number; items: Item[] }> = [];
  for (const it of sorted) {
    const y = it.transform[5]!;
    const size = Math.abs(it.transform[3]!) || it.height || 10;
    const line = lines.find((l) => Math.abs(l.y - y) < Math.min(l.size, size) * 0.5);
    if (line) line.items.push(it);
    else lines.push({ y, size, items: [it] });
  }
  return lines.map((l) => {
    l.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
    let text = '';
    let end = -Infinity;
    for (const it of l.items) {
      // A visible gap between two runs is a space in the text (第一条　…).
      if (text !== '' && it.transform[4]! - end > l.size * 0.5 && !/\s$/.test(text)) text += ' ';
      text += it.str;
      end = it.transform[4]! + it.width;
    }
    return { text, x: l.items[0]!.transform[4]!, right: end, y: l.y, size: l.size, page, col };
  });
}

const PAGE_NUMBER =
  /^[-—–\s]*(第\s*)?[0-9０-９]+\s*(页)?(\s*[/／]\s*(共\s*)?[0-9]+\s*页?)?[-—–\s]*$|^[-—–]\s*[0-9]+\s*[-—–]$/;
/** A line that starts a provision or an item: never the continuation of the line before. */
const STARTS =
  /^([（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百千零]+[条章节编]|附件)/;

/** Running heads and footers: the same text (digits aside) at the top or bottom of most pages. */
function repeated(pages: PdfLine[][]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const key = (l: PdfLine) => trimLine(l.text).replace(/[0-9０-９]+/g, '#');
  for (const edge of ['top', 'bottom'] as const) {
    const seen = new Map<string, PdfLine[]>();
    for (const p of pages) {
      const l = edge === 'top' ? p[0] : p.at(-1);
      if (l) seen.set(key(l), [...(seen.get(key(l)) ?? []), l]);
    }
    for (const ls of seen.values())
      if (pages.length >= 2 && ls.length >= Math.max(2, pages.length / 2)) ls.forEach((l) => out.add(l));
  }
  for (const p of pages)
    for (const l of [p[0], p.at(-1)]) if (l && PAGE_NUMBER.test(trimLine(l.text))) out.add(l);
  return out;
}

function mode(xs: number[]): number {
  const c = new Map<number, number>();
  for (const x of xs) c.set(Math.round(x), (c.get(Math.round(x)) ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The left margin: the leftmost start shared by several lines (first lines are often indented). */
function leftMargin(xs: number[]): number {
  const c = new Map<number, number>();
  for (const x of xs) c.set(Math.round(x), (c.get(Math.round(x)) ?? 0) + 1);
  const common = [...c].filter(([, n]) => n >= Math.max(2, xs.length * 0.05)).map(([x]) => x);
  return common.length > 0 ? Math.min(...common) : mode(xs);
}

/**
 * Read a PDF's text layer.
 * @example (await readPdf(bytes)).lines // ['某某条例', '第一章 总则', '第一条 为了……（rejoined）']
 */
export async function readPdf(bytes: Uint8Array): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  let doc;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: pathToFileURL(join(root, 'cmaps')).href + '/',
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(root, 'standard_fonts')).href + '/',
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    doc = await task.promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException')
      throw new ImportError('password-protected PDF: open it, remove the password and save again');
    throw new ImportError(`corrupt PDF: ${e instanceof Error ? e.message : String(e)}`);
  }
  const pages: PdfLine[][] = [];
  let body = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is Item & typeof i => 'str' in i) as unknown as Item[];
    body += items.map((i) => i.str).join('') + '\n';
    pages.push(pageLines(items, n));
  }
  await task.destroy();
  if (trimLine(body) === '') {
    throw new ImportError(
      `a PDF without a text layer (${pages.length} page(s) of images, a scan?): run OCR on it first, or import the Word or web version`,
    );
  }
  const chrome = repeated(pages);
  const leftOut: LeftOut[] = [];
  const kept: PdfLine[] = [];
  for (const p of pages) {
    for (const l of p) {
      if (chrome.has(l))
        leftOut.push({
          text: trimLine(l.text),
          reason: PAGE_NUMBER.test(trimLine(l.text))
            ? 'page number'
            : `running ${l === p[0] ? 'head' : 'footer'}`,
        });
      else kept.push(l);
    }
  }
  // Each column's margins: most lines start at the left margin; full lines end near the right one.
  const size = mode(kept.map((l) => l.size)) || 10;
  const margins = new Map<number, { left: number; right: number }>();
  for (const col of new Set(kept.map((l) => l.col))) {
    const lines = kept.filter((l) => l.col === col);
    const rights = lines.map((l) => l.right).sort((a, b) => a - b);
    margins.set(col, {
      left: leftMargin(lines.map((l) => l.x)),
      right: rights[Math.floor(rights.length * 0.9)] ?? 0,
    });
  }
  const lines: string[] = [];
  let joined = 0;
  let prev: PdfLine | undefined;
  for (const l of kept) {
    const t = trimLine(l.text);
    const wrapped =
      prev !== undefined &&
      prev.right >= margins.get(prev.col)!.right - size * 2.5 &&
      Math.abs(l.x - margins.get(l.col)!.left) < size * 0.5 &&
      Math.abs(l.size - prev.size) < 0.5 &&
      !STARTS.test(t) &&
      !isProvisionLine(t);
    if (wrapped) {
      lines[lines.length - 1] += t;
      joined++;
    } else lines.push(t);
    prev = l;
  }
  const notes = [`${doc.numPages} page(s)`];
  if (joined > 0) notes.push(`${joined} hard-wrapped lines rejoined`);
  return { format: 'pdf', lines, leftOut, body, markup: '', added: '', notes };
}
