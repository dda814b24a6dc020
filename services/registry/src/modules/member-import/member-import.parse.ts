import { DEFAULT_TEXT_RULE, textProblem } from '@xgz/kit';
import { creditCodeProblem } from '../market-entity/credit-code.js';
import {
  FindingState,
  FoundVia,
  MemberCategory,
  MemberDistribution,
  RelationshipType,
} from '../party-member/party-member-enums.js';
import { memberFieldProblems } from '../party-member/party-member.validation.js';
import {
  FORM_COLUMNS,
  FORM_WORDS,
  fromFormWord,
  headerOf,
  parseFormDate,
  type FormColumnKey,
  type FormRow,
} from './registration-form.columns.js';

export interface ImportProblem {
  row: number;
  column: string;
  reason: string;
}

/** A row read and checked on its own, before the database is asked anything. */
export interface MemberCandidate {
  rowNumber: number;
  registeredOn: string;
  unitName: string;
  creditCode: string | null;
  /** Where the unit is (row's own code, else the import's region). */
  regionCode: string;
  name: string;
  mobile: string | null;
  isOwner: boolean;
  householdPlace: string | null;
  orgLifeBranchName: string | null;
  relationshipBranchName: string | null;
  category: MemberCategory;
  distribution: MemberDistribution;
  relationshipType: RelationshipType;
  foundVia: FoundVia;
}

const validationFieldColumn: Record<string, FormColumnKey> = {
  name: 'name',
  mobile: 'mobile',
  registeredOn: 'registeredOn',
  foundVia: 'foundVia',
};

/**
 * Reads one row into a candidate, or lists every problem in it (column header and reason).
 * Defaults: 党员类型 → 隶属 (AFFILIATED), 发现途径 → 登记注册 (the form is filled during registration work).
 */
export function parseFormRow(
  row: FormRow,
  importRegion: string,
): { candidate?: MemberCandidate; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (key: FormColumnKey, reason: string) =>
    problems.push({ row: row.rowNumber, column: headerOf(key), reason });
  const text = (key: FormColumnKey) => row.values[key]?.trim() ?? '';
  for (const column of FORM_COLUMNS) {
    if (column.required && !text(column.key)) problem(column.key, 'is empty');
    // Cells hold what the API's text arguments may hold: one line, 200 characters, no control or bidi characters.
    const cellProblem = text(column.key) ? textProblem(text(column.key), DEFAULT_TEXT_RULE) : null;
    if (cellProblem) problem(column.key, cellProblem);
  }

  const registeredOn = text('registeredOn') ? parseFormDate(text('registeredOn')) : undefined;
  if (text('registeredOn') && !registeredOn)
    problem('registeredOn', `"${text('registeredOn')}" is not a date like 2015-06-30`);
  const word = <T>(
    key: FormColumnKey,
    words: Record<string, T>,
    values: readonly string[],
    fallback?: T,
  ): T | undefined => {
    if (!text(key)) return fallback;
    const value = fromFormWord(words, values, text(key));
    if (value === undefined)
      problem(
        key,
        `"${text(key)}" must be one of ${Object.keys(words)
          .filter((w) => !/^[a-z]+$/.test(w))
          .join('/')}`,
      );
    return value;
  };
  const isOwner = word('isOwner', FORM_WORDS.isOwner, []);
  const category = word('category', FORM_WORDS.category, Object.values(MemberCategory));
  const distribution = word('distribution', FORM_WORDS.distribution, Object.values(MemberDistribution));
  const relationshipType = word(
    'relationshipType',
    FORM_WORDS.relationshipType,
    Object.values(RelationshipType),
    RelationshipType.AFFILIATED,
  );
  const foundVia = word('foundVia', FORM_WORDS.foundVia, Object.values(FoundVia), FoundVia.BUSINESS_REGISTRATION);

  const creditCode = text('creditCode').toUpperCase() || null;
  if (creditCode) {
    const reason = creditCodeProblem(creditCode);
    if (reason) problem('creditCode', reason);
  }
  const regionCode = text('regionCode') || importRegion;
  if (text('regionCode') && !/^(\d{9}|\d{12})$/.test(text('regionCode')))
    problem('regionCode', 'must be a township (9 digits) or village (12 digits) code');
  else if (!regionCode.startsWith(importRegion))
    problem('regionCode', `${regionCode} is outside the import region ${importRegion}`);

  if (text('name') || text('mobile')) {
    for (const fieldProblem of memberFieldProblems({
      name: text('name') || 'x',
      mobile: text('mobile') || null,
      findingState: FindingState.FOUND,
      foundVia: foundVia ?? FoundVia.BUSINESS_REGISTRATION,
      registeredOn: registeredOn ?? '2000-01-01',
    })) {
      const key = validationFieldColumn[fieldProblem.field];
      if (key) problem(key, fieldProblem.message);
    }
  }
  if (problems.length) return { problems };
  return {
    problems,
    candidate: {
      rowNumber: row.rowNumber,
      registeredOn: registeredOn!,
      unitName: text('unitName'),
      creditCode,
      regionCode,
      name: text('name'),
      mobile: text('mobile') || null,
      isOwner: isOwner!,
      householdPlace: text('householdPlace') || null,
      orgLifeBranchName: text('orgLifeBranchName') || null,
      relationshipBranchName: text('relationshipBranchName') || null,
      category: category!,
      distribution: distribution!,
      relationshipType: relationshipType!,
      foundVia: foundVia!,
    },
  };
}
