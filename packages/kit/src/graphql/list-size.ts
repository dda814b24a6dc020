import { Directive } from 'type-graphql';

/**
 * `@listSize` (Federation demand control) declares how many items a list field returns, so the
 * cost limit (see operationCost) can multiply what is under it. Composed into the supergraph,
 * the gateway reads the same declarations.
 */
export const ListSize = (assumedSize: number) => Directive(`@listSize(assumedSize: ${assumedSize})`);

/** A page sized by its `first` argument, `defaultSize` items when `first` is omitted. */
export const PageSize = (defaultSize: number) =>
  Directive(`@listSize(assumedSize: ${defaultSize}, slicingArguments: ["first"], requireOneSlicingArgument: false)`);

/**
 * A Relay connection whose `edges` are sized by its `first` argument (`defaultSize` when omitted).
 * The cost limit multiplies the whole connection by it (its pageInfo and totalCount too: a slight,
 * safe over-count).
 */
export const ConnectionSize = (defaultSize: number) =>
  Directive(
    `@listSize(assumedSize: ${defaultSize}, slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)`,
  );
