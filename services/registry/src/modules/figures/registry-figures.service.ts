import { figureRequest, Rate, type Viewer, keptFigure } from '@xgz/kit';
import type DataLoader from 'dataloader';
import type { FigureRequest } from '@xgz/kit';
import { entityMetrics } from '../market-entity/market-entity.facts.js';
import { MarketEntityKind, MarketEntityStatus } from '../market-entity/market-entity-kind.js';
import { memberMetrics } from '../party-member/party-member.facts.js';
import { FindingState, MemberCategory, RelationshipType } from '../party-member/party-member-enums.js';
import type { RegistryFigures } from './registry-figures.type.js';

/** Figures of a region subtree, live (asOf omitted) or as of a date. */
export async function registryFigures(
  figures: DataLoader<FigureRequest, Map<string, number>, string>,
  viewer: Viewer,
  regionCode: string,
  asOf: string | null | undefined,
): Promise<RegistryFigures> {
  const request = figureRequest(viewer, regionCode, asOf, 'registry figures');
  const date = request.asOf;
  const values = await figures.load(request);
  const value = keptFigure(values, 'registry');
  return {
    asOf: date,
    marketEntities: {
      existing: value(entityMetrics.existing),
      byKind: Object.values(MarketEntityKind).map((kind) => ({ kind, count: value(entityMetrics.kind(kind)) })),
      byStatus: Object.values(MarketEntityStatus).map((status) => ({
        status,
        count: value(entityMetrics.status(status)),
      })),
    },
    partyMembers: {
      total: value(memberMetrics.total),
      byCategory: Object.values(MemberCategory).map((category) => ({
        category,
        count: value(memberMetrics.category(category)),
      })),
      byRelationshipType: Object.values(RelationshipType).map((relationshipType) => ({
        relationshipType,
        count: value(memberMetrics.relationship(relationshipType)),
      })),
      byFindingState: Object.values(FindingState).map((findingState) => ({
        findingState,
        count: value(memberMetrics.finding(findingState)),
      })),
      identityDisclosure: Rate.of(value(memberMetrics.sanliangDone), value(memberMetrics.total)),
      floatingFeedbackCompletion: Rate.of(
        value(memberMetrics.floatingFeedbackComplete),
        value(memberMetrics.relationship(RelationshipType.FLOATING)),
      ),
    },
  };
}
