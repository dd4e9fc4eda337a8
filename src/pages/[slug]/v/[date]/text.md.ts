/** Open data: an earlier version as Markdown. */
import type { APIRoute } from 'astro';
import type { DocumentEntry } from '../../../../data/collection.ts';
import { toMarkdown } from '../../../../export/markdown.ts';
import { versionPaths } from '../../../../versions/paths.ts';
import { versionLabel } from '../../../../versions/view.ts';

export const getStaticPaths = () => versionPaths();

export const GET: APIRoute<{ entry: DocumentEntry; date: string }> = ({ props }) => {
  const { meta, versions } = props.entry;
  const v = versions!.earlier.find((x) => x.date === props.date)!;
  const titled = { ...meta, title: `${meta.title}（${versionLabel(v)}）` };
  return new Response(toMarkdown(v.tree, titled, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
