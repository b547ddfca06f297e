/**
 * zod schemas of the connections API (`/users/me/connections`), lenient like the connector schemas: unknown keys
 * pass through, unknown states are kept, a known key of the wrong type is dropped rather than failing the answer.
 * Only a connection without an integer `id`, or a list that is not an array, is an error.
 */
import * as z from 'zod';
import { connectorFieldSchema, connectorSchema, lenient, list, nullable, type OpenEnum, openEnum } from '../schemas.ts';

/** The states Powens documents (`null` means the last sync succeeded). More may appear: they are kept as given. */
export const CONNECTION_STATES = [
  'SCARequired',
  'webauthRequired',
  'additionalInformationNeeded',
  'decoupled',
  'validating',
  'actionNeeded',
  'passwordExpired',
  'wrongpass',
  'rateLimiting',
  'websiteUnavailable',
  'bug',
] as const;
export type ConnectionState = OpenEnum<(typeof CONNECTION_STATES)[number]>;
export const connectionStateSchema = openEnum(CONNECTION_STATES);

/** Expandable properties of a connection (`expand=` on the connections routes). */
export const CONNECTION_EXPANDS = ['connector', 'sources', 'accounts', 'all_accounts'] as const;
export type ConnectionExpand = (typeof CONNECTION_EXPANDS)[number];

export const connectionSourceSchema = z.looseObject({
  id: z.number(),
  id_connection: lenient(z.number()),
  id_connector_source: lenient(z.number()),
  name: z.string().catch(''),
  state: nullable(connectionStateSchema),
  last_update: nullable(z.string()),
  /** A DateTime string when the source is disabled, else null. */
  disabled: nullable(z.string()),
  created: nullable(z.string()),
  next_try: nullable(z.string()),
  access_expire: nullable(z.string()),
});
export type ConnectionSource = z.infer<typeof connectionSourceSchema>;

/** A bank account as the `accounts` expand lists it; only what a connection screen shows is typed. */
export const connectionAccountSchema = z.looseObject({
  id: lenient(z.number()),
  name: nullable(z.string()),
  iban: nullable(z.string()),
  balance: nullable(z.number()),
  type: nullable(z.string()),
});
export type ConnectionAccount = z.infer<typeof connectionAccountSchema>;

export const connectionSchema = z.looseObject({
  id: z.number().int(),
  id_user: lenient(z.number()),
  id_connector: lenient(z.number()),
  connector_uuid: nullable(z.string()),
  /** What the user must do; `null` when the last sync succeeded. */
  state: nullable(connectionStateSchema),
  /** @deprecated the same as `state` in current answers. */
  error: nullable(z.string()),
  /** The bank's own text for the user, untranslated. */
  error_message: nullable(z.string()),
  /** For a connection in an error state: the form fields to ask the user. */
  fields: list(connectorFieldSchema),
  last_update: nullable(z.string()),
  created: nullable(z.string()),
  active: lenient(z.boolean()),
  last_push: nullable(z.string()),
  expire: nullable(z.string()),
  next_try: nullable(z.string()),
  // Expands.
  connector: nullable(connectorSchema),
  sources: list(connectionSourceSchema),
  accounts: list(connectionAccountSchema),
  all_accounts: list(connectionAccountSchema),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionsListSchema = z.looseObject({
  connections: z.array(connectionSchema),
});
export type ConnectionsList = z.infer<typeof connectionsListSchema>;
