/**
 * getStaticPaths for the version pages, shared by both scripts' routes: every earlier version,
 * every pair of versions (compared), every pair of consecutive versions (对照表).
 */
import { loadCollection, type DocumentEntry } from '../data/collection.ts';
import { versionDates } from './compose.ts';

const withVersions = (): DocumentEntry[] => loadCollection().documents.filter((d) => d.versions);

/** `/<slug>/v/<date>/` for each earlier version. */
export function versionPaths() {
  return withVersions().flatMap((entry) =>
    entry.versions!.earlier.map((v) => ({
      params: { slug: entry.meta.slug, date: v.date },
      props: { entry, date: v.date },
    })),
  );
}

/** `/<slug>/compare/<from>/<to>/` for every earlier–later pair of versions. */
export function comparePaths() {
  return withVersions().flatMap((entry) => {
    const dates = versionDates(entry.versions!);
    return dates.flatMap((from, i) =>
      dates
        .slice(i + 1)
        .map((to) => ({ params: { slug: entry.meta.slug, from, to }, props: { entry, from, to } })),
    );
  });
}

/** `/<slug>/correspondence/<from>/<to>/` for each pair of consecutive versions. */
export function correspondencePaths() {
  return withVersions().flatMap((entry) =>
    entry.versions!.correspondences.map((c) => ({
      params: { slug: entry.meta.slug, from: c.from, to: c.to },
      props: { entry, from: c.from, to: c.to },
    })),
  );
}

/** `/<slug>/correspondence.json` for each document with versions. */
export function documentsWithVersions() {
  return withVersions().map((entry) => ({ params: { slug: entry.meta.slug }, props: { entry } }));
}
