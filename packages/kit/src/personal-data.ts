import type { Viewer } from './auth.js';

/** Only admins read personal data (names, phones, household registration) in full; every such read is audited. */
export const canSeePersonalData = (viewer: Viewer) => viewer.roles.includes('admin');

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export const maskName = (name: string) => (name.length <= 1 ? '*' : `${[...name][0]}${'*'.repeat([...name].length - 1)}`);

/** 13812341234 → 138****1234. */
export const maskMobile = (mobile: string) => (mobile.length < 7 ? '*'.repeat(mobile.length) : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`);

/** 安徽省阜阳市临泉县 → 安徽省***: the province stays, the rest goes. */
export const maskPlace = (place: string) => `${[...place].slice(0, 3).join('')}***`;
