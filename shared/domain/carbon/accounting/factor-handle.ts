import { makeHandle } from '../../identifiers/handle.ts';
import type { EmissionFactor } from './factors.ts';

/**
 * Factor handles: `<prefix>/factor.<id with dots as '_'>-v<version>` (dots are not allowed in a local
 * id). Here, not in the factor list's handler: the trace and the identifier resolution name factors
 * too, and importing that handler module built its middy stack and the registry contracts at their
 * cold start (docs/performance.md, "Cold start").
 */
export const factorHandle = (prefix: string, factor: Pick<EmissionFactor, 'id' | 'version'>): string =>
  makeHandle(prefix, 'factor', `${factor.id.replace(/\./g, '_')}-v${factor.version}`);
