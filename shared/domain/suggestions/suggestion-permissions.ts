import { hasAnyRole, type Principal, type Role } from '../roles.ts';
import type { Relation } from '../workflow/permissions.ts';
import { type SuggestionRecord, signatoriesOf } from './suggestion-record.ts';

/** Roles that act on every suggestion: People's Congress staff (人大常委会办事机构) and administrators. */
export const SUGGESTION_OVERSEERS: readonly Role[] = ['supervisor', 'admin'];
/** Roles that act for a handling unit (a registry department), on the suggestions assigned to it. */
export const UNIT_STAFF: readonly Role[] = ['handler', 'head'];

/**
 * How the principal stands to this suggestion, in the shared relation vocabulary:
 * - `reporter`: a signatory deputy, i.e. the filer or any co-signer (all of them see and rate the reply);
 * - `leadDepartment` / `coDepartment`: staff of the lead unit (主办) / of a co-handling unit (协办);
 * - `any`: always present, the "role alone suffices" rule.
 */
export const suggestionRelationsOf = (
  principal: Principal,
  record: SuggestionRecord,
): ReadonlySet<Relation> => {
  const relations = new Set<Relation>(['any']);
  if (signatoriesOf(record).includes(principal.userId)) relations.add('reporter');
  const unit = principal.departmentId;
  const assignment = record.assignment;
  if (unit !== undefined && assignment) {
    if (unit === assignment.leadUnitId) relations.add('leadDepartment');
    if (assignment.coUnitIds.includes(unit)) relations.add('coDepartment');
  }
  return relations;
};

/**
 * Who may see a suggestion: the deputies who filed or co-signed it; handlers and heads of the units it
 * is assigned to (lead or co-handling); supervisors and admins. Everyone else is told it does not
 * exist (the API answers 404, so ids cannot be probed).
 */
export const canViewSuggestion = (principal: Principal, record: SuggestionRecord): boolean => {
  if (hasAnyRole(principal, SUGGESTION_OVERSEERS)) return true;
  const relations = suggestionRelationsOf(principal, record);
  if (relations.has('reporter')) return true;
  const assigned = relations.has('leadDepartment') || relations.has('coDepartment');
  return assigned && hasAnyRole(principal, UNIT_STAFF);
};
