import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A market category (市场类别) of the maintained list — clothing, timber, hardware & moulds… (Dongguan
 * keeps 70+). The same list everywhere, so it is not placed at a region; officials extend it.
 */
export const MarketCategoryEntity = defineEntity({
  name: 'MarketCategory',
  tableName: 'market_category',
  properties: {
    /** Upper-case words joined by underscores (HARDWARE_MOULDS): what a market names. */
    code: p.string().length(40).primary(),
    /** The name officials use (五金模具). */
    name: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type MarketCategoryRow = InferEntity<typeof MarketCategoryEntity>;
