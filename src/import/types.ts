/**
 * What every format reader returns: the text lines the parser will read, the lines left out
 * (with why), and the character accounts the conservation check compares.
 */

/** A line of the original that is not part of source.txt, with the reason it was left out. */
export interface LeftOut {
  text: string;
  reason: string;
}

/** The formats `npm run import` reads. */
export type Format = 'docx' | 'html' | 'pdf' | 'markdown' | 'text';

export interface Extracted {
  format: Format;
  /** source.txt, one paragraph per line: title, date notes, then the body. */
  lines: string[];
  /** Every line of the original's body that is not in `lines`. */
  leftOut: LeftOut[];
  /** All text of the original's body, before anything was left out (for the conservation check). */
  body: string;
  /** Characters the reader removed as syntax rather than text (Markdown `##`, `**`). */
  markup: string;
  /** Characters the reader added: labels of Word's automatic numbering (not stored as text in the file). */
  added: string;
  /** The title, when the format marks it (Word's Title style, Markdown `#`); else found in the text. */
  title?: string;
  /** A second title line (LawRefBook splits 民法典 into 编 with `# 总则` under the title). */
  subtitle?: string;
  /** The encoding the bytes were read in, for text formats. */
  encoding?: string;
  /** What the reader noticed that a person should know (numbering rebuilt, pages rejoined …). */
  notes: string[];
}

/** Refusal of one file: the message names the reason; the CLI adds the file. */
export class ImportError extends Error {
  /** `not-a-regulation`: readable, but no regulation in it (skipped inside a folder, refused when named). */
  readonly kind: 'refused' | 'not-a-regulation';
  constructor(reason: string, kind: 'refused' | 'not-a-regulation' = 'refused') {
    super(reason);
    this.name = 'ImportError';
    this.kind = kind;
  }
}
