import { registerEnumType } from 'type-graphql';

/** A post in an organization's committee (支部委员会). */
export enum OrganizationRoleKind {
  SECRETARY = 'SECRETARY',
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
}

registerEnumType(OrganizationRoleKind, {
  name: 'OrganizationRoleKind',
  description: 'A post in an organization committee (委员会职务).',
  valuesConfig: {
    SECRETARY: { description: 'Secretary (书记); one at a time' },
    DEPUTY_SECRETARY: { description: 'Deputy secretary (副书记)' },
    COMMITTEE_MEMBER: { description: 'Committee member (委员)' },
  },
});
