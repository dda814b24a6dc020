import { registerEnumType } from 'type-graphql';

/** The five items of a "五个一" demonstration site (seed 002). */
export enum DemonstrationItem {
  ACTIVITY_ROOM = 'ACTIVITY_ROOM',
  RULES = 'RULES',
  LEDGERS = 'LEDGERS',
  PUBLICITY_CORNER = 'PUBLICITY_CORNER',
  GALLERY = 'GALLERY',
}

export const DEMONSTRATION_ITEMS = Object.values(DemonstrationItem);

registerEnumType(DemonstrationItem, {
  name: 'DemonstrationItem',
  description: 'An item of a "五个一" demonstration site (五个一示范点).',
  valuesConfig: {
    ACTIVITY_ROOM: { description: 'A high-grade party activity room (一个高标准的党员活动室).' },
    RULES: { description: 'A set of member-management and organization-life rules (一套党员管理和组织生活制度).' },
    LEDGERS: { description: 'A set of work ledgers (一套工作台账).' },
    PUBLICITY_CORNER: { description: 'An interactive publicity corner (一个互动宣传角).' },
    GALLERY: { description: 'A display gallery (一条展示长廊).' },
  },
});
