import { registerEnumType } from 'type-graphql';

/** How an organization was formed ("1+3" and the later forms, 组建方式). */
export enum OrganizationFormation {
  STANDALONE = 'STANDALONE',
  JOINT = 'JOINT',
  ATTACHED = 'ATTACHED',
  REGIONAL_JOINT = 'REGIONAL_JOINT',
  SENT_ORGANIZER = 'SENT_ORGANIZER',
  SECTOR_WIDE = 'SECTOR_WIDE',
}

registerEnumType(OrganizationFormation, {
  name: 'OrganizationFormation',
  description: 'How a party organization was formed (组建方式).',
  valuesConfig: {
    STANDALONE: {
      description: 'Standalone (单独建): in one entity with ≥ 3 formal members; the entity has its own organization.',
    },
    JOINT: { description: 'Joint (联合建): several small entities nearby.' },
    ATTACHED: {
      description:
        'Attached (挂靠建): scattered members attached to a market operator, custodian company or association.',
    },
    REGIONAL_JOINT: { description: 'Regional joint (区域联建).' },
    SENT_ORGANIZER: { description: 'Formed by a sent-in organizer (派员组建).' },
    SECTOR_WIDE: { description: 'Sector-wide (行业统建).' },
  },
});
