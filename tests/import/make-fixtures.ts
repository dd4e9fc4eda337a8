/**
 * Writes tests/import/fixtures/same-regulation/: the test regulation (tests/import/regulation.ts)
 * published five ways, as offices and websites publish: a Word file whose 第X条, 第X章 and （一）
 * labels are Word's automatic numbering (numbering.xml), with a footnote and a comment; a
 * TRS-style government page in GBK with navigation, an 索引号 table, share buttons and a footer;
 * a two-page PDF with a CJK text layer, running head, page numbers and hard-wrapped lines; a
 * LawRefBook/Laws Markdown file; and a GBK text with CRLF line ends.
 *
 *   node tests/import/make-fixtures.ts      (needs fonts-noto-cjk for the PDF)
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  HeadingLevel,
} from 'docx';
import PDFDocument from 'pdfkit';
import iconv from 'iconv-lite';
import { REGULATION, cn, regulationLines } from './regulation.ts';

const out = 'tests/import/fixtures/same-regulation';
mkdirSync(out, { recursive: true });
const R = REGULATION;
const noteLine = `（${R.notes.join('　')}）`;

/** Word: titles and notes as text, every label from numbering.xml. */
async function docx(): Promise<void> {
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(R.title)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun(noteLine), new FootnoteReferenceRun(1)],
    }),
  ];
  for (const c of R.chapters) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        numbering: { reference: 'chapters', level: 0 },
        children: [new TextRun(c.heading)],
      }),
    );
    for (const paras of c.articles) {
      paras.forEach((p, pi) => {
        const text = typeof p === 'string' ? p : p.text;
        children.push(
          pi === 0
            ? new Paragraph({
                numbering: { reference: 'provisions', level: 0 },
                children: [new TextRun(text)],
              })
            : new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(text)] }),
        );
        if (typeof p !== 'string') {
          for (const it of p.items)
            children.push(
              new Paragraph({
                numbering: { reference: 'provisions', level: 1 },
                children: [new TextRun(it)],
              }),
            );
        }
      });
    }
  }
  const doc = new Document({
    creator: 'tiaowen',
    footnotes: { 1: { children: [new Paragraph('本条例由江北省人民代表大会常务委员会公告公布。')] } },
    numbering: {
      config: [
        {
          reference: 'chapters',
          levels: [
            {
              level: 0,
              format: LevelFormat.CHINESE_COUNTING,
              text: '第%1章',
              alignment: AlignmentType.CENTER,
            },
          ],
        },
        {
          reference: 'provisions',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1条', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  writeFileSync(join(out, 'regulation.docx'), await Packer.toBuffer(doc));
}

/** A TRS-style page of a city government's site, in GBK, as saved from the browser. */
function html(): void {
  const body = regulationLines({ space: '　', chapter: (n, h) => `第${cn(n)}章　${h}` }).map((l) =>
    /^第.章/.test(l) ? `<p align="center"><strong>${l}</strong></p>` : `<p>&nbsp;&nbsp;&nbsp;&nbsp;${l}</p>`,
  );
  // Some TRS pages break lines with <br> inside one <p>: the last chapter is written that way.
  const last = body.splice(body.length - 2, 2).map((p) => p.replace(/<\/?p[^>]*>/g, ''));
  body.push(`<p>${last.join('<br>\n')}</p>`);
  const page = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${R.title}_青禾市人民政府</title><script>var _hmt = _hmt || []; document.write('统计');</script>
<style>.TRS_Editor p { text-indent: 2em; }</style></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/en/">English</a> | 无障碍</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法规规章</div>
<table class="xxgk">
<tr><td>索引号：</td><td>11370300004000000K/2023-00123</td><td>发布机构：</td><td>青禾市司法局</td></tr>
<tr><td>主题分类：</td><td>文化、广电、新闻出版</td><td>成文日期：</td><td>2023-09-20</td></tr>
</table>
<div class="title">${R.title}</div>
<div class="info">发布日期：2023-10-08&nbsp;&nbsp;浏览次数：1234&nbsp;&nbsp;【字体：<a>大</a> <a>中</a> <a>小</a>】【<a>打印</a>】</div>
<div class="TRS_Editor">
<p align="center">${noteLine}</p>
${body.join('\n')}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="footer"><p>主办：青禾市人民政府办公室　承办：青禾市大数据局</p>
<p>版权所有：青禾市人民政府　网站标识码：3703000001　江北ICP备12345678号</p></div>
</body></html>
`;
  writeFileSync(join(out, 'regulation.html'), iconv.encode(page, 'gbk'));
}

/** The gazette's PDF: A5 pages, running head and page numbers, paragraphs wrapped at the column. */
async function pdf(): Promise<void> {
  const doc = new PDFDocument({
    size: 'A5',
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    info: { Title: R.title },
  });
  const stream = createWriteStream(join(out, 'regulation.pdf'));
  doc.pipe(stream);
  doc.registerFont(
    'serif',
    '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    'NotoSerifCJKsc-Regular',
  );
  doc.font('serif');
  let page = 0;
  const furniture = () => {
    page++;
    const { x, y } = doc;
    // Furniture stands in the margins: lift the bottom margin while writing it, or pdfkit adds a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .text('青禾市人民代表大会常务委员会公报', 50, 30, { width: 320, align: 'center', lineBreak: false });
    doc.fontSize(9).text(`— ${page} —`, 50, 560, { width: 320, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fontSize(11);
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', furniture);
  furniture();
  doc.x = 50;
  doc.y = 60;
  doc.fontSize(15).text(R.title, { width: 320, align: 'center' }).moveDown(0.5);
  doc.fontSize(9).text(noteLine, { width: 320, align: 'left', indent: 18 }).moveDown(0.5);
  doc.fontSize(11);
  for (const l of regulationLines({ space: '　', chapter: (n, h) => `第${cn(n)}章　${h}` })) {
    if (/^第.章/.test(l)) doc.text(l, { width: 320, align: 'center' });
    else doc.text(l, { width: 320, indent: 22, align: 'left' });
  }
  doc.end();
  await new Promise<void>((resolve) => stream.on('finish', () => resolve()));
}

/** The same regulation on one A4 page set in two columns under a title spanning both. */
async function pdfTwoColumns(): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: R.title },
  });
  const stream = createWriteStream(join(out, 'regulation-2col.pdf'));
  doc.pipe(stream);
  doc.registerFont(
    'serif',
    '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    'NotoSerifCJKsc-Regular',
  );
  doc.font('serif');
  doc.fontSize(16).text(R.title, 50, 50, { width: 495, align: 'center' }).moveDown(0.3);
  doc.fontSize(9).text(noteLine, { width: 495, align: 'center' }).moveDown(0.8);
  const lines = regulationLines({ space: '　', chapter: (n, h) => `第${cn(n)}章　${h}` });
  doc.fontSize(10).text(lines.join('\n'), { columns: 2, columnGap: 20, width: 495, height: 340, indent: 20 });
  doc.end();
  await new Promise<void>((resolve) => stream.on('finish', () => resolve()));
}

function markdown(): void {
  const lines = regulationLines({ space: ' ', chapter: (n, h) => `## 第${cn(n)}章 ${h}` }).map((l) =>
    l.replace(/^(第[一二三四五六七八九十]+条) /, '**$1** '),
  );
  const text = [
    `# ${R.title}`,
    '',
    ...R.notes.map((n) => n.replace(/日/, '日 ')).flatMap((n) => [n, '']),
    '<!-- INFO END -->',
    '',
    ...lines.flatMap((l) => [l, '']),
  ].join('\n');
  writeFileSync(join(out, 'regulation.md'), text);
}

function text(): void {
  const lines = [
    R.title,
    noteLine,
    '',
    ...regulationLines({ space: '　', chapter: (n, h) => `第${cn(n)}章　${h}` }),
  ];
  writeFileSync(join(out, 'regulation.txt'), iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
}

await docx();
html();
await pdf();
await pdfTwoColumns();
markdown();
text();
console.log(`written: ${out}/regulation.{docx,html,pdf,md,txt} and regulation-2col.pdf`);
