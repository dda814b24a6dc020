import { registerEnumType } from 'type-graphql';

/** Administrative level (GB/T 2260 and the statistics bureau's township/village codes). */
export enum RegionLevel {
  /** 省 — 2-digit code */
  PROVINCE = 'PROVINCE',
  /** 市 — 4-digit code */
  CITY = 'CITY',
  /** 区县 — 6-digit code */
  COUNTY = 'COUNTY',
  /** 乡镇/街道 — 9-digit code */
  TOWNSHIP = 'TOWNSHIP',
  /** 村/社区 — 12-digit code */
  VILLAGE = 'VILLAGE',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Administrative level of a region (行政区划级别).',
  valuesConfig: {
    PROVINCE: { description: 'Province (省级), 2-digit code' },
    CITY: { description: 'City (地级), 4-digit code' },
    COUNTY: { description: 'County or district (县级), 6-digit code' },
    TOWNSHIP: { description: 'Township or street (乡镇/街道), 9-digit code' },
    VILLAGE: { description: 'Village or community (村/社区), 12-digit code' },
  },
});

const levelByCodeLength: Record<number, RegionLevel> = {
  2: RegionLevel.PROVINCE,
  4: RegionLevel.CITY,
  6: RegionLevel.COUNTY,
  9: RegionLevel.TOWNSHIP,
  12: RegionLevel.VILLAGE,
};

export const levelOfCode = (code: string): RegionLevel | undefined => levelByCodeLength[code.length];

/** The codes of every ancestor of `code`, province first (codes nest by prefix). */
export const ancestorCodes = (code: string): string[] =>
  [2, 4, 6, 9].filter((length) => length < code.length).map((length) => code.slice(0, length));
