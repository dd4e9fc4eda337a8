/** Open data: the document's tree (every provision with its eId) and metadata, as JSON. */
import type { APIRoute } from 'astro';
import type { DocumentEntry } from '../../data/collection.ts';
import { documentPaths } from '../../views/paths.ts';

export const getStaticPaths = () => documentPaths();

export const GET: APIRoute<{ entry: DocumentEntry }> = ({ props }) => {
  const { meta, tree, stats, citations, terms, aliases, relations } = props.entry;
  const body = {
    format: 'regtree',
    version: 1,
    spec: 'docs/tree-spec.md',
    meta,
    stats,
    citations,
    terms,
    aliases,
    relations,
    tree,
  };
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
