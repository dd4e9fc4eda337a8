/** Content hashes for the content stage's cache keys. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of the parts, each length-prefixed so that no two lists hash alike. */
export function hashOf(...parts: Array<string | Uint8Array | undefined>): string {
  const h = createHash('sha256');
  for (const p of parts) {
    if (p === undefined) h.update('-1:');
    else if (typeof p === 'string') h.update(`${Buffer.byteLength(p)}:`).update(p);
    else h.update(`${p.byteLength}:`).update(p);
  }
  return h.digest('hex').slice(0, 32);
}
