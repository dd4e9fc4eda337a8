/** The listing JSON the browse pages fetch to filter in place (src/collection/listing.ts). */
import type { APIRoute } from 'astro';
import { loadCollection } from '../../data/collection.ts';
import { listingData } from '../../collection/listing.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(listingData(loadCollection().documents, 'hans')), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
