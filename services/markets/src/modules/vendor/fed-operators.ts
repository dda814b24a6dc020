import type { EntityManager } from '@mikro-orm/postgresql';
import {
  domainError,
  MarketEntityKind,
  RegistryFactType,
  requireFedRecords,
  type MarketEntityFactState,
} from '@xgz/kit';
import { MarketsErrorCode } from '../market-record/market.errors.js';

/**
 * A market's operator (举办者), from markets' copy of registry's entities: known and inside the
 * caller's region (NOT_FOUND otherwise), and a market operator (MARKET_OPERATOR) by registry's kind.
 */
export async function requireOperator(em: EntityManager, operatorId: string, argument: string): Promise<void> {
  const found = await requireFedRecords<MarketEntityFactState>(
    em,
    RegistryFactType.MarketEntity,
    [operatorId],
    argument,
    'market entity',
  );
  const kind = found.get(operatorId)!.state.kind;
  if (kind !== MarketEntityKind.MARKET_OPERATOR)
    throw domainError(
      MarketsErrorCode.NotAnOperator,
      `${argument}: entity ${operatorId} is registered as ${kind}, not as a market operator (MARKET_OPERATOR).`,
    );
}
