/** Open data: the 新旧条文对照 of every pair of consecutive versions of a document, as JSON. */
import type { APIRoute } from 'astro';
import type { DocumentEntry } from '../../data/collection.ts';
import { documentsWithVersions } from '../../versions/paths.ts';
import { allVersions } from '../../versions/model.ts';

export const getStaticPaths = () => documentsWithVersions();

export const GET: APIRoute<{ entry: DocumentEntry }> = ({ props }) => {
  const { meta, versions } = props.entry;
  const body = {
    format: 'tiaowen-correspondence',
    version: 1,
    spec: 'docs/versions.md',
    slug: meta.slug,
    title: meta.title,
    versions: allVersions(versions!),
    correspondences: versions!.correspondences,
  };
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
