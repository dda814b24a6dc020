import { GraphQLError } from 'graphql';

/** Error codes every subgraph and the gateway use; domain codes are added beside them. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

function codedError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string, field?: string) =>
  codedError(ErrorCode.BadUserInput, message, field ? { field } : {});

export const forbidden = (message: string) => codedError(ErrorCode.Forbidden, message);

export const notFound = (message: string) => codedError(ErrorCode.NotFound, message);

export const unauthenticated = (message = 'Sign in: send "Authorization: Bearer <token>" (pnpm token <region> <role> prints one in development).') =>
  codedError(ErrorCode.Unauthenticated, message);

/** A domain rule broken by the request, e.g. a feedback step out of order. */
export const domainError = (code: string, message: string, extensions?: Record<string, unknown>) =>
  codedError(code, message, extensions);
