import {
  accountingMethod,
  DEFAULT_IDENTIFIER_PREFIX,
  ENV,
  factorProgramme,
  gwpSetId,
} from '../../shared/config/env.ts';
import { type FactorSummary, listFactorsRoute } from '../../shared/contracts/registry-catalogue.ts';
import { factorHandle } from '../../shared/domain/carbon/accounting/factor-handle.ts';
import { type EmissionFactor, loadFactorLibrary } from '../../shared/domain/carbon/accounting/factors.ts';
import { gridProgrammes } from '../../shared/domain/carbon/accounting/grid-programmes.ts';
import { gridRegions } from '../../shared/domain/carbon/accounting/grid-regions.ts';
import { listGwpSets } from '../../shared/domain/carbon/accounting/gwp.ts';
import { ACCOUNTING_METHODS } from '../../shared/domain/carbon/accounting/methods.ts';
import { httpHandler } from '../middleware/http.ts';

const summarise = (prefix: string, factor: EmissionFactor): FactorSummary => {
  const { id, version, kind, activityType, region, year, source, citation, publisher, notes } = factor;
  const { verification, contentHash } = factor;
  const base = {
    id,
    version,
    handle: factorHandle(prefix, factor),
    kind,
    activityType,
    region,
    year,
    source,
    citation,
    publisher,
    ...(notes === undefined ? {} : { notes }),
    verification,
    contentHash,
  };
  if ('value' in factor) return { ...base, value: factor.value, unit: factor.unit };
  const {
    id: _i,
    version: _v,
    kind: _k,
    activityType: _a,
    region: _r,
    year: _y,
    source: _s,
    citation: _c,
    publisher: _p,
    notes: _n,
    verification: _vf,
    contentHash: _h,
    ...values
  } = factor;
  return { ...base, values };
};

/** The choices a figure depends on, so a reader can see what "method", "programme" and "gwpSet" mean. */
const accountingChoices = () => ({
  methods: ACCOUNTING_METHODS.map(({ id, name, nameEn, combustionGases, source }) => ({
    id,
    name,
    nameEn,
    combustionGases: [...combustionGases],
    source,
  })),
  programmes: gridProgrammes().map((programme) => ({ ...programme })),
  gwpSets: listGwpSets().map(({ id, gwp, source, citation, contentHash }) => ({
    id,
    gwp,
    source,
    citation,
    contentHash,
  })),
  regions: gridRegions().map(({ code, name, nameEn, level }) => ({ code, name, nameEn, level })),
  defaults: { method: accountingMethod(), programme: factorProgramme(), gwpSet: gwpSetId() },
});

export const handler = httpHandler(listFactorsRoute, async ({ query }) => {
  const prefix = process.env[ENV.identifierPrefix] || DEFAULT_IDENTIFIER_PREFIX;
  const items = loadFactorLibrary()
    .factors.filter(
      (f) =>
        (query.kind === undefined || f.kind === query.kind) &&
        (query.region === undefined || f.region === query.region) &&
        (query.year === undefined || f.year === query.year),
    )
    .map((f) => summarise(prefix, f));
  return { items, accounting: accountingChoices() };
});
