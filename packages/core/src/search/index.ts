export { foldText } from './fold.ts';
export {
  CONNECTOR_SEARCH_SCORES,
  type ConnectorDisabledReason,
  type ConnectorSearch,
  type ConnectorSearchFilter,
  type ConnectorSearchFilterContext,
  type ConnectorSearchFilters,
  type ConnectorSearchOptions,
  type ConnectorSearchRange,
  type ConnectorSearchResult,
  countConnectorsByCountry,
  createConnectorSearch,
} from './search.ts';
