/** Open data: an earlier version's tree (every provision with its eId) and facts, as JSON. */
import type { APIRoute } from 'astro';
import type { DocumentEntry } from '../../../../data/collection.ts';
import { versionPaths } from '../../../../versions/paths.ts';

export const getStaticPaths = () => versionPaths();

export const GET: APIRoute<{ entry: DocumentEntry; date: string }> = ({ props }) => {
  const { meta, versions } = props.entry;
  const { tree, stats, ...version } = versions!.earlier.find((v) => v.date === props.date)!;
  const body = {
    format: 'regtree',
    version: 1,
    spec: 'docs/tree-spec.md',
    meta,
    edition: { ...version, current: versions!.current },
    stats,
    tree,
  };
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
