/**
 * A file as the content stage receives it: its path (for messages) and what the caller read.
 * The stage itself reads and writes nothing (src/pipeline/build.ts).
 */

/** A text file: metadata, glossaries, manifests. */
export interface TextFile {
  path: string;
  text: string;
}

/** A source text, as bytes: decodeText (src/text/decode.ts) finds its encoding. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}
