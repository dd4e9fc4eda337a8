/** Open data: the document as Markdown. */
import type { APIRoute } from 'astro';
import type { DocumentEntry } from '../../data/collection.ts';
import { documentPaths } from '../../views/paths.ts';
import { toMarkdown } from '../../export/markdown.ts';

export const getStaticPaths = () => documentPaths();

export const GET: APIRoute<{ entry: DocumentEntry }> = ({ props }) => {
  const { meta, tree } = props.entry;
  return new Response(toMarkdown(tree, meta, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
