/**
 * Bad input: an unsupported type, a corrupt or password-protected .docx, a PDF without text, a
 * page with no regulation, an unreadable encoding. Each gets an error naming the file and the
 * reason, the run exits 1, the other files are still imported, and nothing is half-written.
 */
import { readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths, formatOutcome } from '../../src/import/index.ts';
import { conserve } from '../../src/import/conserve.ts';
import { FIXTURES, tempDir } from './helpers.ts';

/** A valid one-page PDF that draws nothing: what a scan without OCR looks like to a text reader. */
function emptyPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return pdf + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

describe('bad input', { timeout: 60_000 }, () => {
  it('refuses each bad file with its name and reason, imports the good one, exits 1, leaves nothing half-written', async () => {
    const src = tempDir();
    const into = tempDir();
    const encrypted = new Uint8Array(2048);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 512);
    const files: Record<string, string | Uint8Array> = {
      'corrupt.docx': 'PK\u0003\u0004 this is not really a zip archive',
      'locked.docx': encrypted,
      'scan.pdf': emptyPdf(),
      'news.html':
        '<html><head><meta charset="utf-8"><title>新闻</title></head><body><p>今天天气很好。</p></body></html>',
      'binary.txt': new Uint8Array([0x81, 0x20, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x80, 0x81, 0x82]),
      'table.xlsx': 'PK',
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(src, name), body);
    copyFileSync(join(FIXTURES, 'same-regulation', 'regulation.md'), join(src, 'good.md'));
    const inputs = [...Object.keys(files), 'good.md'].map((f) => join(src, f));
    const { outcomes, exitCode } = await importPaths(inputs, { into, cwd: src });
    expect(exitCode).toBe(1);
    const report = outcomes.flatMap(formatOutcome);
    expect(report).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^corrupt\.docx: error: corrupt \.docx: not a readable ZIP archive/),
        expect.stringMatching(/^locked\.docx: error: password-protected \.docx: remove the password/),
        expect.stringMatching(
          /^scan\.pdf: error: a PDF without a text layer \(1 page\(s\) of images, a scan\?\)/,
        ),
        expect.stringMatching(/^news\.html: error: no regulation in the page/),
        expect.stringMatching(/^binary\.txt: error: unreadable encoding: /),
        expect.stringMatching(/^table\.xlsx: error: unsupported file type \.xlsx: expected \.docx, \.html/),
      ]),
    );
    expect(outcomes.filter((o) => o.kind === 'imported').map((o) => o.file)).toEqual(['good.md']);
    // Only the good document's folder: no partial folders, no temporary ones.
    expect(readdirSync(into)).toEqual(['qing-he-shi-gong-gong-tu-shu-guan-fu-wu']);
  });

  it('the conservation check finds text that would be lost', () => {
    const ok = conserve({
      body: '第一条　甲。\n版权所有',
      lines: ['第一条 甲。'],
      leftOut: [{ text: '版权所有', reason: 'footer' }],
      markup: '',
      added: '',
    });
    expect(ok.ok).toBe(true);
    const lost = conserve({
      body: '第一条　甲乙。',
      lines: ['第一条 甲。'],
      leftOut: [],
      markup: '',
      added: '',
    });
    expect(lost).toEqual({ ok: false, missing: '乙', extra: '' });
  });
});
