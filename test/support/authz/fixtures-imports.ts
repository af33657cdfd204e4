import { importDriver, utilityCsv } from '../imports.ts';
import type { TestStack } from '../local-stack.ts';
import type { Principals } from './principals.ts';

/**
 * Imports of the matrix, each already withdrawn, so a withdrawal probe (202, nothing to do) and the
 * scheduler's job leave them as they are:
 *
 * import.own     uploaded by the enterprise account of ENT-AUTHZ (its one row: an unknown account)
 * import.other   uploaded by the admin
 */
export const buildImportFixtures = async (t: TestStack, p: Principals): Promise<Record<string, string>> => {
  const made = async (token: string) => {
    const drive = importDriver(t, token);
    const report = await drive.importFile(utilityCsv(['MATRIX-NO-ACCOUNT,2026-10,100,kWh']));
    // The stack's own scheduler may be the one running it.
    await drive.settled(report.id, ['succeeded']);
    await drive.withdraw(report.id);
    return report.id;
  };
  return {
    'import.own': await made(p.tokens.enterprise ?? ''),
    'import.other': await made(p.tokens.admin ?? ''),
  };
};
