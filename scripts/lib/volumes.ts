/**
 * Assembling a collection built in volumes (docs/scale.md): separate builds, each of some of
 * the collection's documents, joined into one site whose search finds every volume's documents.
 * The first build is the site; each other volume adds the files the site does not have (its
 * document pages, records and assets: addresses are the same in every build, so nothing is
 * renamed) and its flat index under `flat/volumes/<name>/` in each variant, which the site's
 * index manifest then names (src/search/flat/format.ts `Manifest.volumes`, searched as one by
 * src/search/flat/volumes.ts). `_headers` is written again for the files added.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { VARIANTS } from '../../src/i18n/variant.ts';
import { flatIndexPath } from '../../src/search/schema.ts';
import { manifestPath, type Manifest } from '../../src/search/flat/format.ts';
import { buildHeaders } from '../../src/integrations/headers.ts';

export interface Volume {
  /** ASCII name: the folder below flat/volumes/. */
  name: string;
  /** The built site of the volume. */
  dir: string;
}

export interface AssembleResult {
  /** Files copied from the volumes into the site. */
  added: number;
  /** Files the volumes have that the site had already (left as the site has them). */
  kept: number;
}

/** An error of the input, for a message without a stack. */
export class VolumeError extends Error {}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** Join the volumes' builds into the site built in `site`, served under `base`. */
export function assembleVolumes(site: string, volumes: readonly Volume[], base = '/'): AssembleResult {
  const indexes = VARIANTS.map((v) => flatIndexPath(v));
  for (const dir of [site, ...volumes.map((v) => v.dir)]) {
    if (!existsSync(join(dir, indexes[0]!, manifestPath)))
      throw new VolumeError(`${dir}: no flat search index (${indexes[0]}${manifestPath}); build it first`);
  }
  const names = new Set<string>();
  for (const { name } of volumes) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
      throw new VolumeError(`volume name "${name}": expected lower-case ASCII letters, digits and hyphens`);
    if (names.has(name)) throw new VolumeError(`volume name "${name}" is given twice`);
    names.add(name);
  }
  let added = 0;
  let kept = 0;
  for (const volume of volumes) {
    for (const rel of files(volume.dir)) {
      if (indexes.some((i) => rel.startsWith(i))) continue;
      const to = join(site, rel);
      if (existsSync(to)) {
        kept++;
        continue;
      }
      mkdirSync(dirname(to), { recursive: true });
      cpSync(join(volume.dir, rel), to);
      added++;
    }
    for (const variant of VARIANTS) {
      const from = join(volume.dir, flatIndexPath(variant));
      if (!existsSync(join(from, manifestPath))) continue;
      const to = join(site, flatIndexPath(variant), 'volumes', volume.name);
      cpSync(from, to, { recursive: true, filter: (src) => !relative(from, src).startsWith('volumes') });
    }
  }
  for (const variant of VARIANTS) {
    const file = join(site, flatIndexPath(variant), manifestPath);
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    const listed = volumes
      .filter((v) => existsSync(join(site, flatIndexPath(variant), 'volumes', v.name, manifestPath)))
      .map((v) => `volumes/${v.name}/`);
    manifest.volumes = [...new Set([...(manifest.volumes ?? []), ...listed])];
    writeFileSync(file, JSON.stringify(manifest));
  }
  writeFileSync(join(site, '_headers'), buildHeaders(site, base).text);
  return { added, kept };
}
