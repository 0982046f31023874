import { NextResponse } from 'next/server';
import { getAppConfig, marketPolicy } from '../../../../lib/config';
import { getAppDb } from '../../../../lib/db/app-db';
import { parseRigQuery } from '../../../components/rigs/rig-filters';
import { parseRigPaging, rigPage } from '../../../components/rigs/rig-page';
import { viewer } from '../../../principal';
import { readRigPageSource } from '../../../rigs/rig-page-source';

export const dynamic = 'force-dynamic';

/**
 * One page of the rig table, filtered and sorted on the server: the query of /rigs (`site`, `state`,
 * `kind`, `losing`, `q`, `sort`, `dir`) plus `page` (1-based) and `size` (25, 50, 100 or 200). Only the
 * caller's sites are listed and counted; a malformed value reads as its default, a page past the end as
 * the last. `{ rows, economics, matched, total, page, size, pageCount, sites, filters, updatedAtMs }`.
 */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const source = readRigPageSource(getAppDb(), await viewer(), Date.now(), marketPolicy(getAppConfig().config));
  return NextResponse.json({ ...rigPage(source, parseRigQuery(query), parseRigPaging(query)), updatedAtMs: source.updatedAtMs });
}
