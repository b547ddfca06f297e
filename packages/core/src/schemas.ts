/**
 * zod schemas for every object of the Powens connectors API, and the types inferred from them.
 *
 * The schemas are forward compatible on purpose (the API reference demands it):
 * - unknown keys pass through untouched (`z.looseObject`);
 * - enum-like values are open: the known literals are typed, any other string is kept;
 * - `null` is accepted wherever real payloads send it, and a missing optional key is fine;
 * - a known key whose value has the wrong type is dropped to `null` / `undefined` instead of failing the
 *   whole response, so one odd connector never hides the other 4,999.
 * Only a structurally wrong body is an error: not an object, a list that is not an array, a connector or
 * source without its identifier.
 */
import * as z from 'zod';

/** A string union that still accepts, and keeps, any other string the API may add later. */
export type OpenEnum<T extends string> = T | (string & {});

export function openEnum<const T extends readonly string[]>(_known: T) {
  return z.string() as unknown as z.ZodType<OpenEnum<T[number]>, string>;
}

/** Optional value of the right type, or `undefined` when absent or of another type. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** Value of the right type, `null` when the API sends null, `undefined` when absent or of another type. */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

/** A list that may be absent or null; entries of another type drop the whole list to `undefined`. */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).nullish().catch(undefined);
}

export const stringList = list(z.string());

export const AUTH_MECHANISMS = ['credentials', 'webauth'] as const;
export const authMechanismSchema = openEnum(AUTH_MECHANISMS);
export type AuthMechanism = z.infer<typeof authMechanismSchema>;

export const CONNECTOR_FIELD_TYPES = ['text', 'password', 'date', 'list'] as const;
export const connectorFieldTypeSchema = openEnum(CONNECTOR_FIELD_TYPES);
export type ConnectorFieldType = z.infer<typeof connectorFieldTypeSchema>;

export const PRODUCTS = ['bank', 'wealth', 'bill', 'pay'] as const;
export const productSchema = openEnum(PRODUCTS);
export type Product = z.infer<typeof productSchema>;

export const PROVIDING_PAYER_ACCOUNT_VALUES = ['not_used', 'optional', 'mandatory'] as const;
export const providingPayerAccountSchema = openEnum(PROVIDING_PAYER_ACCOUNT_VALUES);
export type ProvidingPayerAccount = z.infer<typeof providingPayerAccountSchema>;

/** Expandable properties of a connector (`expand=` on the connector routes). */
export const CONNECTOR_EXPANDS = ['sources', 'fields', 'payment_fields', 'countries', 'urls'] as const;
export type ConnectorExpand = (typeof CONNECTOR_EXPANDS)[number];

export const connectorFieldValueSchema = z.looseObject({
  label: z.string().catch(''),
  value: z.string(),
});
export type ConnectorFieldValue = z.infer<typeof connectorFieldValueSchema>;

const fieldShape = {
  name: z.string(),
  auth_mechanisms: list(authMechanismSchema),
  type: connectorFieldTypeSchema.catch('text'),
  label: z.string().catch(''),
  required: lenient(z.boolean()),
  regex: nullable(z.string()),
  values: list(connectorFieldValueSchema),
};

export const connectorFieldSchema = z.looseObject({
  ...fieldShape,
  connector_sources: stringList,
});
export type ConnectorField = z.infer<typeof connectorFieldSchema>;

export const connectorPaymentFieldSchema = z.looseObject(fieldShape);
export type ConnectorPaymentField = z.infer<typeof connectorPaymentFieldSchema>;

export const connectorCountrySchema = z.looseObject({
  id: z.string(),
  name: z.string().catch(''),
});
export type ConnectorCountry = z.infer<typeof connectorCountrySchema>;

export const paymentAppToAppUsedSchema = z.looseObject({
  android: nullable(z.boolean()),
  ios: nullable(z.boolean()),
});
export type PaymentAppToAppUsed = z.infer<typeof paymentAppToAppUsedSchema>;

export const paymentAmountSchema = z.looseObject({
  first_open_day: lenient(z.number()),
  instant: lenient(z.number()),
  deferred: lenient(z.number()),
  periodic: lenient(z.number()),
});
export type PaymentAmount = z.infer<typeof paymentAmountSchema>;

export const paymentSettingsSchema = z.looseObject({
  available_validate_mechanisms: stringList,
  beneficiary_types: stringList,
  execution_date_types: stringList,
  execution_frequencies: stringList,
  maximum_number_of_instructions: nullable(z.number()),
  providing_payer_account: nullable(providingPayerAccountSchema),
  partial_status_tracking: stringList,
  is_app_to_app_used: nullable(paymentAppToAppUsedSchema),
  bank_provides_payer_account: nullable(z.boolean()),
  bank_provides_payer_label: nullable(z.boolean()),
  transfer_date_types_where_trusted_beneficiary_required: stringList,
  cancellation_available: nullable(z.boolean()),
  minimum_amount: nullable(paymentAmountSchema),
  maximum_amount: nullable(paymentAmountSchema),
  minimum_date_delta_days: nullable(z.number()),
  maximum_date_delta_days: nullable(z.number()),
});
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;

export const connectorSourceSchema = z.looseObject({
  id: z.number(),
  id_connector: lenient(z.number()),
  name: z.string().catch(''),
  auth_mechanism: nullable(authMechanismSchema),
  available_auth_mechanisms: list(authMechanismSchema),
  /** A DateTime string when the source is disabled, else null. */
  disabled: nullable(z.string()),
  priority: lenient(z.number()),
  account_usages: stringList,
  payment_settings: nullable(paymentSettingsSchema),
});
export type ConnectorSource = z.infer<typeof connectorSourceSchema>;

export const connectorSchema = z.looseObject({
  id: lenient(z.number()),
  uuid: z.string().min(1),
  name: z.string().catch(''),
  hidden: nullable(z.boolean()),
  charged: lenient(z.boolean()),
  code: nullable(z.string()),
  beta: lenient(z.boolean()),
  /** Six hex digits without `#` in real payloads; never trust it as CSS without validating. */
  color: nullable(z.string()),
  slug: nullable(z.string()),
  /** @deprecated */
  sync_frequency: nullable(z.number()),
  months_to_fetch: nullable(z.number()),
  auth_mechanism: nullable(authMechanismSchema),
  available_auth_mechanisms: list(authMechanismSchema),
  transfer_mechanism: nullable(authMechanismSchema),
  siret: nullable(z.string()),
  restricted: lenient(z.boolean()),
  capabilities: stringList,
  account_usages: stringList,
  payment_settings: nullable(paymentSettingsSchema),
  products: list(productSchema),
  stability: nullable(
    z.looseObject({
      status: nullable(openEnum(['stable', 'unstable'] as const)),
      last_update: nullable(z.string()),
    }),
  ),
  // Expands.
  sources: list(connectorSourceSchema),
  fields: list(connectorFieldSchema),
  payment_fields: list(connectorPaymentFieldSchema),
  countries: list(connectorCountrySchema),
  urls: stringList,
});
export type Connector = z.infer<typeof connectorSchema>;

/**
 * A connectors list as the API sends it: `connectors` on the current route, `banks` on the deprecated
 * `/banks` and `/providers` aliases, and a `total` beside it in real payloads.
 */
export const connectorsListSchema = z
  .looseObject({
    connectors: z.array(connectorSchema).optional(),
    /** @deprecated present only on the `/banks` and `/providers` routes. */
    banks: z.array(connectorSchema).optional(),
    total: lenient(z.number()),
  })
  .refine((list) => list.connectors !== undefined || list.banks !== undefined, {
    message: 'expected a `connectors` or `banks` array',
  });
export type ConnectorsList = z.infer<typeof connectorsListSchema>;

export const connectorSourcesListSchema = z.looseObject({
  sources: z.array(connectorSourceSchema),
});
export type ConnectorSourcesList = z.infer<typeof connectorSourcesListSchema>;

export const connectorUpdateRequestSchema = z.looseObject({
  hidden: z.boolean().optional(),
  /** @deprecated */
  sync_periodicity: z.number().nullable().optional(),
});
export type ConnectorUpdateRequest = z.input<typeof connectorUpdateRequestSchema>;

export const connectorSourceUpdateRequestSchema = z.looseObject({
  auth_mechanism: authMechanismSchema.optional(),
  disabled: z.string().nullable().optional(),
});
export type ConnectorSourceUpdateRequest = z.input<typeof connectorSourceUpdateRequestSchema>;

/** The error body every Powens endpoint answers with on failure. */
export const apiErrorBodySchema = z.looseObject({
  code: z.string(),
  description: nullable(z.string()),
  /** Institution text: may be shown to end users, is not translated. */
  message: nullable(z.string()),
  request_id: nullable(z.union([z.number(), z.string()])),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
