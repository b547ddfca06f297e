export {
  compileFieldPattern,
  compileFieldPatternAsync,
  type FieldPattern,
  preloadSafeRegexEngine,
} from './pattern.ts';
export {
  type ConnectorFormKind,
  type ConnectorFormPlan,
  type FormStep,
  type PlanConnectorFormOptions,
  planConnectorForm,
} from './plan.ts';
export {
  type BuildFieldsSchemaOptions,
  buildFieldsSchema,
  FIELD_ERROR_KEYS,
  type FieldErrorKey,
  type FieldsSchema,
} from './schema.ts';
