import { getReportRoute } from '../../shared/contracts/reports.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { canReadReport } from '../../shared/domain/reports/report-index.ts';
import { httpHandler } from '../middleware/http.ts';
import { DOWNLOAD_LINK_SECONDS, reportFiles, reportIndex } from './report-context.ts';

const index = reportIndex();
const files = reportFiles();

export const handler = httpHandler(getReportRoute, async ({ params, principal }) => {
  const entry = await index.get(params.id);
  // A report the caller may not read is reported as absent, as for cases.
  if (entry === undefined || !canReadReport(principal, entry)) {
    throw new NotFoundError(`报表不存在 (report ${params.id} not found)`);
  }
  const links = Object.fromEntries(
    await Promise.all(
      entry.formats.map(
        async (format) =>
          [format, await files.downloadLink(`${entry.keyPrefix}.${format}`, DOWNLOAD_LINK_SECONDS)] as const,
      ),
    ),
  );
  const { keyPrefix: _keyPrefix, ...visible } = entry;
  return { ...visible, links, expiresInSeconds: DOWNLOAD_LINK_SECONDS };
});
