import { connectionType } from '@xgz/kit';
import { PartyOrganization } from './party-organization.type.js';

/** One connection type for every list of organizations (GraphQL type names are unique). */
export const PartyOrganizationConnection = connectionType('PartyOrganization', PartyOrganization);
