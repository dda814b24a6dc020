import type { Viewer } from './auth.js';

/** Only admins read personal data (names, phones, household registration) in full; every such read is audited. */
export const canSeePersonalData = (viewer: Viewer) => viewer.roles.includes('admin');

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export const maskName = (name: string) =>
  name.length <= 1 ? '*' : `${[...name][0]}${'*'.repeat([...name].length - 1)}`;

/** 13812341234 → 138****1234. */
export const maskMobile = (mobile: string) =>
  mobile.length < 7 ? '*'.repeat(mobile.length) : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

/** Provincial-level divisions, full names first so that 内蒙古自治区 is not read as 内蒙古 plus a place. */
const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '台湾省',
  '香港特别行政区',
  '澳门特别行政区',
];
const PROVINCE_PREFIXES = [
  ...PROVINCES,
  ...PROVINCES.map((name) => name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '')),
];

/**
 * 安徽省阜阳市临泉县 → 安徽省***: the province stays when more follows it; anything else keeps only
 * its first character (福清市 → 福***). The stars never tell the length.
 */
export function maskPlace(place: string): string {
  const province = PROVINCE_PREFIXES.find((prefix) => place.startsWith(prefix) && place.length > prefix.length);
  return `${province ?? [...place].slice(0, 1).join('')}***`;
}
