/** The listing JSON of the traditional browse pages (src/collection/listing.ts). */
import type { APIRoute } from 'astro';
import { loadCollection } from '../../../data/collection.ts';
import { listingData } from '../../../collection/listing.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(listingData(loadCollection().documents, 'hant')), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
