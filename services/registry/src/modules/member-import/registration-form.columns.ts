import { FoundVia, MemberCategory, MemberDistribution, RelationshipType } from '../party-member/party-member-enums.js';

/**
 * The columns of the registration form (个体工商户党建信息登记表) as a spreadsheet, in order: the
 * header the officials type (or the English key), and whether a row must fill it.
 */
export const FORM_COLUMNS = [
  { key: 'registeredOn', header: '填表日期', required: true },
  { key: 'unitName', header: '单位名称', required: true },
  { key: 'creditCode', header: '统一社会信用代码', required: false },
  { key: 'regionCode', header: '所在地区代码', required: false },
  { key: 'name', header: '党员姓名', required: true },
  { key: 'mobile', header: '手机号码', required: false },
  { key: 'isOwner', header: '是否业主', required: true },
  { key: 'householdPlace', header: '户籍所在地', required: false },
  { key: 'orgLifeBranchName', header: '组织生活所在辖区党组织', required: false },
  { key: 'relationshipBranchName', header: '组织关系所在地党组织', required: false },
  { key: 'category', header: '党员类别', required: true },
  { key: 'distribution', header: '党员分布', required: true },
  { key: 'relationshipType', header: '党员类型', required: false },
  { key: 'foundVia', header: '发现途径', required: false },
] as const;

export type FormColumnKey = (typeof FORM_COLUMNS)[number]['key'];
export type FormRow = { rowNumber: number; values: Partial<Record<FormColumnKey, string>> };

export const headerOf = (key: FormColumnKey) => FORM_COLUMNS.find((column) => column.key === key)!.header;

/** The words on the paper form for each enum value (and the English value itself). */
export const FORM_WORDS = {
  isOwner: { 是: true, 否: false, true: true, false: false, yes: true, no: false } as Record<string, boolean>,
  category: { 正式: MemberCategory.FORMAL, 预备: MemberCategory.PROBATIONARY } as Record<string, MemberCategory>,
  distribution: {
    个体工商户: MemberDistribution.INDIVIDUAL_BUSINESS,
    市场内个体工商户: MemberDistribution.IN_MARKET_INDIVIDUAL_BUSINESS,
    小微企业: MemberDistribution.SMALL_MICRO_ENTERPRISE,
  } as Record<string, MemberDistribution>,
  relationshipType: {
    隶属: RelationshipType.AFFILIATED,
    属地: RelationshipType.LOCAL,
    流动: RelationshipType.FLOATING,
  } as Record<string, RelationshipType>,
  foundVia: {
    登记注册: FoundVia.BUSINESS_REGISTRATION,
    年报: FoundVia.ANNUAL_REPORT,
    市场监管: FoundVia.MARKET_SUPERVISION,
    电话: FoundVia.PHONE,
    上门: FoundVia.VISIT,
    党员找党员: FoundVia.MEMBER_REFERRAL,
  } as Record<string, FoundVia>,
};

/** Reads a form word or the enum value itself; undefined when neither. */
export function fromFormWord<T>(words: Record<string, T>, enumValues: readonly string[], text: string): T | undefined {
  const trimmed = text.trim();
  if (trimmed in words) return words[trimmed];
  return enumValues.includes(trimmed.toUpperCase()) ? (trimmed.toUpperCase() as T) : undefined;
}

/** The form word for an enum value (export writes what officials read). */
export const formWordOf = <T>(words: Record<string, T>, value: T) =>
  Object.entries(words).find(([, candidate]) => candidate === value)?.[0] ?? String(value);

/** 2015-06-30, 2015/6/30, 2015.6.30 or 2015年6月30日 → 2015-06-30; undefined when not a date. */
export function parseFormDate(text: string): string | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
