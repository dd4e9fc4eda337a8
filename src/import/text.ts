/**
 * Plain text in any encoding the decoder knows (UTF-8 ± BOM, UTF-16 with BOM, GB18030/GBK, Big5);
 * CRLF and CR line ends become LF. Lines are kept as they are: the parser reads them.
 */
import { decodeText } from '../text/decode.ts';
import { ImportError, type Extracted } from './types.ts';
import { isTitleLine, trimLine } from './text-lines.ts';

/** Decode bytes as text or refuse them with the decoder's reason. */
export function decodeOrRefuse(bytes: Uint8Array): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ImportError(`unreadable encoding: ${decoded.reason}`);
  return { text: decoded.text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), encoding: decoded.encoding };
}

/**
 * Read a plain-text regulation.
 * @example readText(new TextEncoder().encode('某条例\n第一条 …')).title // '某条例'
 */
export function readText(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeOrRefuse(bytes);
  const lines = text.split('\n').map((l) => l.replace(/[ \t\u00a0\u3000]+$/, ''));
  while (lines.length > 0 && trimLine(lines.at(-1)!) === '') lines.pop();
  const first = lines.map(trimLine).find((l) => l !== '');
  return {
    format: 'text',
    lines,
    leftOut: [],
    body: text,
    markup: '',
    added: '',
    title: first && isTitleLine(first) ? first : undefined,
    encoding,
    notes: encoding === 'UTF-8' ? [] : [`read as ${encoding}, written as UTF-8`],
  };
}
