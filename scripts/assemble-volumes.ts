/**
 * Join separately built volumes of a collection into one site (docs/scale.md):
 *
 *   node scripts/assemble-volumes.ts --site dist --volume laws=../build-laws/dist [--volume …] [--base /]
 *
 * The site keeps its own files; each volume adds its document pages and its search index, which
 * the site's search then searches with its own (scripts/lib/volumes.ts).
 */
import { parseArgs } from 'node:util';
import { assembleVolumes, VolumeError } from './lib/volumes.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    volume: { type: 'string', multiple: true, default: [] },
    base: { type: 'string', default: '/' },
  },
});
try {
  if (!values.site) throw new VolumeError('--site DIR: the built site the volumes join');
  const volumes = values.volume.map((v) => {
    const at = v.indexOf('=');
    if (at < 1) throw new VolumeError(`--volume ${v}: expected NAME=DIR`);
    return { name: v.slice(0, at), dir: v.slice(at + 1) };
  });
  if (volumes.length === 0) throw new VolumeError('--volume NAME=DIR: at least one volume to join');
  const { added, kept } = assembleVolumes(values.site, volumes, values.base);
  console.log(
    `${volumes.length} volume(s) joined to ${values.site}: ${added} file(s) added, ${kept} left as the site has them`,
  );
} catch (e) {
  if (!(e instanceof VolumeError)) throw e;
  console.error(`assemble-volumes: ${e.message}`);
  process.exit(1);
}
