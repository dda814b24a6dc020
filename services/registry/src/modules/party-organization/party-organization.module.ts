import { defineModule } from '@xgz/kit';
import { PartyOrganization } from './party-organization.type.js';

/** Party organizations (党组织) are owned by the organizations subgraph; registry names the one a member belongs to. */
export const partyOrganizationModule = defineModule({ name: 'party-organization', orphanedTypes: [PartyOrganization] });
