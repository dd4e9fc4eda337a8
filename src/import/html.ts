/**
 * Web pages (.html/.htm, saved or exported): the charset from the page, the main text found by
 * content — the element holding nearly all of the page's 第X条 / 第X章 / 一、 lines, plus the
 * title line above it — never by one site's class names. Everything else (navigation,
 * breadcrumbs, 索引号 tables, counters, share buttons, footers) is left out and listed.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { decodeText } from '../text/decode.ts';
import { ImportError, type Extracted, type LeftOut } from './types.ts';
import { isProvisionLine, isTitleLine, trimLine } from './text-lines.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'object', 'iframe']);
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'table',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'blockquote',
  'pre',
  'form',
  'dl',
  'dt',
  'dd',
  'center',
  'hr',
  'address',
  'figure',
  'figcaption',
  'caption',
  'body',
  'html',
  'option',
  'select',
]);

interface Line {
  text: string;
  owner: Element | undefined;
}

/** The charset a page declares (BOM, then `<meta charset>` / `http-equiv`), in the first 4 KiB. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!m) return undefined;
  const label = m[1]!.toLowerCase();
  // GB2312 and GBK pages routinely use characters beyond their declared set; GB18030 reads them all.
  return /^(gb2312|gbk|x-gbk|gb_2312-80|cp936)$/.test(label) ? 'gb18030' : label;
}

/** Decode a page: a BOM first, then the declared charset, then the decoder's detection. */
export function decodePage(bytes: Uint8Array): { text: string; encoding: string } {
  const declared =
    bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe ? undefined : declaredCharset(bytes);
  if (declared) {
    try {
      return {
        text: new TextDecoder(declared, { fatal: true }).decode(bytes),
        encoding: declared.toUpperCase(),
      };
    } catch {
      // A page that lies about its charset: fall through to detection.
    }
  }
  const d = decodeText(bytes);
  if (!d.ok)
    throw new ImportError(
      `unreadable encoding${declared ? ` (the page declares ${declared})` : ''}: ${d.reason}`,
    );
  return { text: d.text.replace(/^\ufeff/, ''), encoding: d.encoding };
}

/** Does an element hold block elements or line breaks (at any depth)? */
function holdsBlocks(el: Element): boolean {
  return el.children.some(
    (c) =>
      c.type === 'tag' &&
      (BLOCK.has(c.name.toLowerCase()) || c.name.toLowerCase() === 'br' || holdsBlocks(c)),
  );
}

/** Lay the page out as lines: block elements and <br> break lines, table cells are separated by tabs. */
function layout(root: ChildNode[]): Line[] {
  const lines: Line[] = [];
  let buf = '';
  let owner: Element | undefined;
  const flush = () => {
    if (trimLine(buf) !== '') lines.push({ text: buf, owner });
    buf = '';
  };
  const walk = (nodes: ChildNode[], block: Element | undefined) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        if (buf === '' || trimLine(buf) === '') owner = block;
        buf += n.data.replace(/[\r\n\t]+/g, ' ');
      } else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
        const el = n as Element;
        const name = el.name.toLowerCase();
        if (SKIP.has(name)) continue;
        if (name === 'br') {
          flush();
          continue;
        }
        // A cell of data joins its row with tabs; a cell of a table-layout page (one holding
        // paragraphs or <br> lines, as older government sites have) is a block of its own.
        if ((name === 'td' || name === 'th') && !holdsBlocks(el)) {
          if (trimLine(buf) !== '') buf += '\t';
          walk(el.children, block ?? el);
          continue;
        }
        const isBlock = BLOCK.has(name) || name === 'td' || name === 'th';
        if (isBlock) flush();
        walk(el.children, isBlock ? el : block);
        if (isBlock) flush();
      }
    }
  };
  walk(root, undefined);
  flush();
  return lines;
}

function ancestors(el: Element | undefined): Element[] {
  const out: Element[] = [];
  for (let e: Element | null | undefined = el; e; e = e.parent as Element | null) {
    if (e.type !== 'tag') break;
    out.push(e);
  }
  return out;
}

/** Why a line outside the main text is there, from what it says (for the report). */
export function chromeReason(text: string): string {
  if (/版权所有|网站标识码|ICP|备案|主办|承办|联系我们|网站地图|Copyright|©/i.test(text)) return 'footer';
  if (/索引号|发布机构|主题分类|成文日期|发文机关|公开方式|信息分类|有效性/.test(text))
    return 'metadata table';
  if (/浏览次数|阅读次数|访问量|字体|【打印】|打印本页|关闭窗口|分享|扫一扫|微信|微博|收藏/.test(text))
    return 'page tools';
  if (/当前位置|首页|>|›|»|导航|无障碍|登录|注册|English|搜索/.test(text)) return 'navigation';
  if (/发布日期|发布时间|来源[:：]|作者[:：]|责任编辑/.test(text)) return 'page details';
  return 'outside the main text';
}

/** Lines at the edges of the main block that a page adds around the text (tools, details). */
const EDGE_CHROME =
  /浏览次数|阅读次数|字体|【打印】|打印本页|关闭窗口|分享到|扫一扫|责任编辑|发布时间[:：]|发布日期[:：]|来源[:：]|【大\s*中\s*小】/;

/**
 * Read a web page.
 * @example readHtml(bytes).leftOut.map((l) => l.reason) // ['navigation', 'metadata table', …, 'footer']
 */
export function readHtml(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodePage(bytes);
  const doc = parseDocument(text, { decodeEntities: true });
  const all = layout(doc.children);
  // Evidence of the text: provision lines that read as provisions — an article is a sentence
  // (it has a comma or a full stop), a heading is short — so a menu entry 「第一条信息」 is not.
  const provisions = all.filter((l) => {
    const t = trimLine(l.text);
    if (!isProvisionLine(t)) return false;
    return /^第[^条]{1,8}[章节编]/.test(t) ? t.length <= 40 : /[，。；：,;:]/.test(t);
  });
  if (provisions.length === 0) {
    throw new ImportError(
      'no regulation in the page: no line starts with 第X条, 第X章 or 一、',
      'not-a-regulation',
    );
  }
  // The main text: the deepest element holding at least 90 % of the provision lines.
  const counts = new Map<Element, number>();
  for (const l of provisions) for (const a of ancestors(l.owner)) counts.set(a, (counts.get(a) ?? 0) + 1);
  let main: Element | undefined;
  let depth = -1;
  for (const [el, n] of counts) {
    const d = ancestors(el).length;
    if (n >= provisions.length * 0.9 && d > depth) [main, depth] = [el, d];
  }
  const inMain = (l: Line) => main !== undefined && ancestors(l.owner).includes(main);
  let first = all.findIndex(inMain);
  let last = all.length - 1 - [...all].reverse().findIndex(inMain);
  if (first < 0) [first, last] = [0, all.length - 1];
  // Trim page tools and details at the edges of the block.
  while (first < last && EDGE_CHROME.test(all[first]!.text)) first++;
  while (last > first && EDGE_CHROME.test(all[last]!.text)) last--;
  // The title usually stands in its own element above the text: take the nearest title line
  // before it (within a few lines), and the note or document-number lines between the two.
  const keep = new Set<number>();
  for (let i = first; i <= last; i++) if (inMain(all[i]!) || main === undefined) keep.add(i);
  if (!isTitleLine(trimLine(all[first]!.text))) {
    for (let i = first - 1; i >= Math.max(0, first - 12); i--) {
      if (isTitleLine(trimLine(all[i]!.text))) {
        keep.add(i);
        for (let j = i + 1; j < first; j++) {
          const t = trimLine(all[j]!.text);
          if (
            /^[（(].*(通过|公布|发布|施行|修正|修订|印发)[^）)]*[）)]$/.test(t) ||
            /〔\d{4}〕\d+号$|令第\d+号$/.test(t)
          )
            keep.add(j);
        }
        break;
      }
    }
  }
  const lines: string[] = [];
  const leftOut: LeftOut[] = [];
  all.forEach((l, i) => {
    const t = trimLine(l.text);
    if (keep.has(i)) lines.push(t);
    else leftOut.push({ text: t, reason: chromeReason(t) });
  });
  const title = lines.map(trimLine).find((l) => l !== '');
  return {
    format: 'html',
    lines,
    leftOut,
    body: all.map((l) => l.text).join('\n'),
    markup: '',
    added: '',
    title: title && isTitleLine(title) ? title : undefined,
    encoding,
    notes: leftOut.length > 0 ? [`${leftOut.length} lines of the page left out`] : [],
  };
}
