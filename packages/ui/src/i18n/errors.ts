import { ConnectorsApiError, ConnectorsError } from '@connector-kit/core';
import type { CommonMessages } from './common.ts';

export interface DescribedError {
  /** A localized sentence for end users. */
  text: string;
  /** The institution's own text when the server sent one: may be shown, is not translated. */
  institutionMessage: string | null;
  /** The server's request id, for support. */
  reference: string | null;
}

/** Turns any error the client throws into text an end user can read in their language. */
export function describeError(error: unknown, messages: CommonMessages): DescribedError {
  const errorMessages = messages.errors;
  if (error instanceof ConnectorsApiError) {
    const { status } = error;
    const text =
      status === 401 || status === 403
        ? errorMessages.unauthorized
        : status === 404
          ? errorMessages.notFound
          : status === 429
            ? errorMessages.rateLimited
            : status >= 500
              ? errorMessages.server
              : errorMessages.badRequest;
    return {
      text,
      institutionMessage: error.institutionMessage,
      reference: error.requestId === null ? null : String(error.requestId),
    };
  }
  // A network fault, a timeout, an unreadable answer, or anything else: no institution text, no request id.
  const text =
    error instanceof ConnectorsError
      ? error.kind === 'timeout'
        ? errorMessages.timeout
        : error.kind === 'response'
          ? errorMessages.response
          : errorMessages.network
      : errorMessages.unknown;
  return { text, institutionMessage: null, reference: null };
}
