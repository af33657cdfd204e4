/**
 * Stamps a content hash on every factor version (and GWP set, and the GB/T 2589 coefficient file)
 * that has none yet: `npm run factors:stamp`. It never rewrites an existing hash: a record whose
 * content no longer matches is reported and the run fails, because `id@version` must keep meaning
 * the same numbers — put the corrected values in a new version instead.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHashOf } from '../../shared/domain/carbon/accounting/content-hash.ts';

type Json = Record<string, unknown>;

const DATA = join(import.meta.dirname, '../../shared/data');

const stamp = (record: Json, hashed: Json, label: string, problems: string[]): boolean => {
  const hash = contentHashOf(hashed);
  if (record.contentHash === undefined) {
    record.contentHash = hash;
    return true;
  }
  if (record.contentHash !== hash) problems.push(`${label}: content changed under an existing hash`);
  return false;
};

const stampFile = (path: string, problems: string[]): number => {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Json;
  let stamped = 0;
  if (Array.isArray(file.factors)) {
    for (const factor of file.factors as Json[]) {
      const label = `${String(factor.id)}@${String(factor.version)}`;
      if (stamp(factor, { ...factor, publisher: file.publisher }, label, problems)) stamped += 1;
    }
  } else if (stamp(file, file, path, problems)) stamped += 1;
  if (stamped > 0) writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return stamped;
};

const files = [
  ...readdirSync(join(DATA, 'factors')).map((name) => join(DATA, 'factors', name)),
  ...readdirSync(join(DATA, 'gwp')).map((name) => join(DATA, 'gwp', name)),
  join(DATA, 'energy', 'gbt-2589-2020-coefficients.json'),
];
const problems: string[] = [];
const stamped = files.reduce((sum, path) => sum + stampFile(path, problems), 0);
console.log(`stamped ${stamped} record(s)`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
