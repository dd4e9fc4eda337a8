/** Open data: the document as Markdown. */
import type { APIRoute } from 'astro';
import { loadCollection, type DocumentEntry } from '../../data/collection.ts';
import { toMarkdown } from '../../export/markdown.ts';

export function getStaticPaths() {
  return loadCollection().documents.map((entry) => ({ params: { slug: entry.meta.slug }, props: { entry } }));
}

export const GET: APIRoute<{ entry: DocumentEntry }> = ({ props }) => {
  const { meta, tree } = props.entry;
  return new Response(toMarkdown(tree, meta, import.meta.env.BASE_URL), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
