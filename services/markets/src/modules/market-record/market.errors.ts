/** Domain error codes of markets; the gateway passes these through as they are. */
export const MarketsErrorCode = {
  /** An open market of the same name in the same township exists. */
  Duplicate: 'DUPLICATE_MARKET',
  /** The market is closed: nothing about it changes until it reopens. */
  Closed: 'MARKET_CLOSED',
  /** The market is open already. */
  Open: 'MARKET_OPEN',
  /** No such category in the maintained list (marketCategories); add it first. */
  UnknownCategory: 'UNKNOWN_MARKET_CATEGORY',
  /** The category's code is taken. */
  CategoryExists: 'MARKET_CATEGORY_EXISTS',
  /** The market was added to the scope by hand already. */
  AlreadyAddedToScope: 'ALREADY_ADDED_TO_SCOPE',
  /** The market was not added to the scope by hand (the rule alone cannot be lifted). */
  NotAddedToScope: 'NOT_ADDED_TO_SCOPE',
  /** The operator named is not registered as a market operator (MARKET_OPERATOR). */
  NotAnOperator: 'NOT_A_MARKET_OPERATOR',
  /** The same honour of the same year is recorded already. */
  HonourRecorded: 'HONOUR_ALREADY_RECORDED',
} as const;
