/** A realized report as the API answers it: JSON, or CSV to download (?format=csv). */
import { NextResponse } from 'next/server';
import { reportCsv, type ReportOutcome } from '../../../lib/db/queries/realized-report';
import { describeValue } from '../../../lib/util/describe-value';
import { problem } from '../request';
import { refusalReply } from '../reason-status';

/** The reply for `outcome` in the format `params` asks for; `fileStem` names a CSV download (ASCII only). */
export function reportReply(outcome: ReportOutcome, params: URLSearchParams, fileStem: string) {
  const format = params.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return problem(400, `format must be json or csv (got ${describeValue(format, 40)})`);
  if (!outcome.ok) return refusalReply(outcome.error);
  const report = outcome.value;
  if (format === 'json') return NextResponse.json(report);
  const name = `${fileStem}-${report.period}-${report.from}-${report.to}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
  return new NextResponse(reportCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
