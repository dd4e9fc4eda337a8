/**
 * One file → its text, checked: the format's reader, then the conservation check, then whether
 * it is a regulation at all (provision lines, or a title that reads as one).
 */
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readPdf } from './pdf.ts';
import { readText } from './text.ts';
import { conserve } from './conserve.ts';
import { ImportError, type Extracted, type Format } from './types.ts';
import { isProvisionLine, isTitleLine, trimLine } from './text-lines.ts';

/** Run the reader a format needs. Throws ImportError for bad input. */
export async function extract(format: Format, bytes: Uint8Array): Promise<Extracted> {
  switch (format) {
    case 'docx':
      return readDocx(bytes);
    case 'html':
      return readHtml(bytes);
    case 'pdf':
      return readPdf(bytes);
    case 'markdown':
      return readMarkdown(bytes);
    case 'text':
      return readText(bytes);
  }
}

/**
 * Extract and check one file: refused when text would be lost, `not-a-regulation` when it holds none.
 * @example (await extractChecked('text', bytes)).lines
 */
export async function extractChecked(format: Format, bytes: Uint8Array): Promise<Extracted> {
  const x = await extract(format, bytes);
  const c = conserve(x);
  if (!c.ok) {
    throw new ImportError(
      `conservation check failed: ${c.missing ? `characters of the original neither in source.txt nor listed as left out: ${c.missing}` : ''}` +
        `${c.extra ? ` characters in source.txt that the original does not have: ${c.extra}` : ''}`,
    );
  }
  const lines = x.lines.map(trimLine).filter(Boolean);
  if (lines.length === 0) throw new ImportError('no text in it', 'not-a-regulation');
  const provisions = lines.filter(isProvisionLine).length;
  const title = x.title ?? lines.find(isTitleLine);
  const titled = title !== undefined && isTitleLine(title);
  // Court cases quote articles of the laws they apply; their headings say what they are.
  const caseHeading = lines.find((l) =>
    /^(基本案情|简要案情|裁判要[点旨]|裁判结果|判决理由|案情简介)$/.test(l),
  );
  if (caseHeading)
    throw new ImportError(`a court case (${caseHeading}), not a regulation`, 'not-a-regulation');
  if (provisions === 0 && !titled) {
    throw new ImportError(
      'not a regulation: no line starts with 第X条, 第X章 or 一、, and no title names a regulation',
      'not-a-regulation',
    );
  }
  if (provisions < 3 && !titled) {
    throw new ImportError(
      `not a regulation: only ${provisions} line(s) start with 第X条, 第X章 or 一、, and no title names a regulation`,
      'not-a-regulation',
    );
  }
  return x;
}
