/** Strings of the connector picker: country select, search, list and its states. */
export interface PickerMessages {
  countryLabel: string;
  allCountries: string;
  /** Accessible count of connectors beside a country name. */
  countryCount: (count: number) => string;
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  listLabel: string;
  popularHeading: string;
  allHeading: string;
  /** Announced politely as the results change. */
  resultCount: (count: number) => string;
  noResults: (query: string) => string;
  noResultsHint: string;
  /** A button shown when a query matches nothing in the chosen country but matches elsewhere. */
  searchAllCountries: (count: number) => string;
  empty: string;
  notListed: string;
  /**
   * Announced politely, with a "Try again" button (`common.retry`), when refreshing a list already on screen failed:
   * the list stays as it was last loaded.
   */
  refreshFailed: string;
  badges: { beta: string; restricted: string; unstable: string };
  restrictedReason: string;
}
