import { isUuid, today } from '@xgz/kit';
import { FindingState } from './party-member-enums.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface MemberFields {
  name: string;
  mobile?: string | null;
  householdCountyCode?: string | null;
  orgLifeBranchId?: string | null;
  relationshipBranchId?: string | null;
  findingState?: FindingState | null;
  foundVia?: string | null;
  registeredOn: string;
}

const mobilePattern = /^1[3-9]\d{9}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every problem with a member's fields, not just the first: the mutation answers the first, the
 * import lists them all per row. Pure — the unit and region checks need the database.
 */
export function memberFieldProblems(fields: MemberFields, currentDay = today()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!fields.name.trim()) problems.push({ field: 'name', message: 'is empty' });
  else if (fields.name.trim().length > 50) problems.push({ field: 'name', message: 'is longer than 50 characters' });
  if (fields.mobile && !mobilePattern.test(fields.mobile.trim()))
    problems.push({ field: 'mobile', message: 'must be 11 digits starting with 1 (e.g. 13812341234)' });
  if (fields.householdCountyCode && !/^\d{6}$/.test(fields.householdCountyCode))
    problems.push({ field: 'householdCountyCode', message: 'must be a 6-digit county code' });
  if (fields.orgLifeBranchId && !isUuid(fields.orgLifeBranchId))
    problems.push({ field: 'orgLifeBranchId', message: 'is not an organization id' });
  if (fields.relationshipBranchId && !isUuid(fields.relationshipBranchId))
    problems.push({ field: 'relationshipBranchId', message: 'is not an organization id' });
  const state = fields.findingState ?? FindingState.FOUND;
  if ((state === FindingState.FOUND || state === FindingState.VERIFIED) && !fields.foundVia) {
    problems.push({
      field: 'foundVia',
      message: 'is required for a found or verified member (how was the member found?)',
    });
  }
  if (state === FindingState.FALSE_RECORD)
    problems.push({ field: 'findingState', message: 'a new member cannot start as a false record' });
  if (!datePattern.test(fields.registeredOn))
    problems.push({ field: 'registeredOn', message: 'must be a date like 2015-06-30' });
  else if (fields.registeredOn > currentDay) problems.push({ field: 'registeredOn', message: 'is in the future' });
  return problems;
}
