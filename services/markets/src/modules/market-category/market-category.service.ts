import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRole, badUserInput, domainError, onUniqueViolation, writeAudit, type Viewer } from '@xgz/kit';
import { MarketsErrorCode } from '../market-record/market.errors.js';
import { MarketCategoryEntity, type MarketCategoryRow } from './market-category.entity.js';

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** The maintained list, by code. */
export const listCategories = (em: EntityManager) => em.find(MarketCategoryEntity, {}, { orderBy: { code: 'asc' } });

/** A category code a market names, which must be on the list. */
export async function requireCategory(em: EntityManager, code: string, argument: string): Promise<MarketCategoryRow> {
  const category = CODE_PATTERN.test(code) ? await em.findOne(MarketCategoryEntity, { code }) : null;
  if (!category)
    throw domainError(
      MarketsErrorCode.UnknownCategory,
      `${argument}: no market category ${JSON.stringify(code)}; marketCategories lists them, addMarketCategory adds one.`,
    );
  return category;
}

/** Adds a category to the list (admin only: the list is the same for every region). */
export async function addCategory(
  em: EntityManager,
  viewer: Viewer,
  code: string,
  name: string,
): Promise<MarketCategoryRow> {
  assertRole(viewer, ['admin'], 'add market categories');
  if (!CODE_PATTERN.test(code) || code.length > 40)
    throw badUserInput('code must be upper-case words joined by underscores (HARDWARE_MOULDS), at most 40.', 'code');
  const label = name.trim();
  if (!label) throw badUserInput('name must not be empty.', 'name');
  const exists = () => domainError(MarketsErrorCode.CategoryExists, `The category code ${code} is taken.`);
  return onUniqueViolation(
    () =>
      em.transactional(async (tx) => {
        if (await tx.findOne(MarketCategoryEntity, { code })) throw exists();
        const category = tx.create(MarketCategoryEntity, { code, name: label });
        await tx.flush();
        await writeAudit(tx, viewer, [
          {
            action: 'ADD_MARKET_CATEGORY',
            subjectType: 'MarketCategory',
            subjectId: null,
            regionCode: viewer.regionCode,
            detail: { code, name: label },
          },
        ]);
        return category;
      }),
    (constraint) => (constraint === 'market_category_pkey' ? exists() : null),
  );
}
