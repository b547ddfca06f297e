/** Strings every component shares: loading, errors, retry. */
export interface CommonMessages {
  loading: string;
  retry: string;
  /** Shown under an error when the server gave a request id, for support. */
  errorReference: (requestId: string) => string;
  errors: {
    network: string;
    timeout: string;
    server: string;
    rateLimited: string;
    notFound: string;
    unauthorized: string;
    badRequest: string;
    response: string;
    unknown: string;
  };
}
