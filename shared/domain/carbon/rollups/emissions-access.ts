import { ForbiddenError } from '../../errors.ts';
import { hasAnyRole, type Principal } from '../../roles.ts';
import type { RollupLevel } from './rollup-model.ts';

/**
 * Who may read emissions at which level (documented on the contracts in shared/contracts/carbon/emissions.ts).
 * An enterprise's figures are not public: only supervisors and admins see enterprise, meter and
 * industry levels (an industry with one enterprise would expose it). Deputies, handlers and heads
 * see the city aggregate. The refusal depends on role and level only, so it says nothing about ids.
 */
export const mayViewLevel = (principal: Principal, level: RollupLevel): boolean =>
  level === 'city' || mayReadEnterpriseData(principal);

/**
 * Supervisors and admins may read enterprise data. Everyone else sees the city under the
 * minimum-count rule (minimum-count.ts): no breakdown cell of fewer than 3 enterprises.
 */
export const mayReadEnterpriseData = (principal: Principal): boolean =>
  hasAnyRole(principal, ['supervisor', 'admin']);

export const assertMayViewLevel = (principal: Principal, level: RollupLevel): void => {
  if (!mayViewLevel(principal, level))
    throw new ForbiddenError(
      `无权查看${level}级排放数据 (only supervisors and admins see ${level} emissions)`,
    );
};
