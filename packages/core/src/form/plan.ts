/**
 * The form planner: which fields to ask for, in which steps, for a chosen authentication mechanism.
 *
 * - Mechanism: `options.authMechanism`, else the connector's `auth_mechanism`, else the first of its
 *   `available_auth_mechanisms`, else `credentials`. For payments (`kind: 'payment'`): `options.authMechanism`, else the
 *   first of `payment_settings.available_validate_mechanisms`, else `webauth`. A mechanism the connector does not list
 *   is still honoured: the caller chose it. `availableAuthMechanisms` lists the connector's default first, then the
 *   others it lists, without duplicates (`credentials`, or `webauth` for payments, when it lists none).
 * - Fields: those relevant for the chosen mechanism. A field without `auth_mechanisms` (absent, null or empty) is relevant
 *   for every mechanism. Entries that are not objects with a string `name` are skipped; of two relevant fields with the
 *   same name the first wins.
 * - Steps: one per enabled source (`disabled` null), lowest `priority` first (sources must be added in priority order,
 *   and fields presented source by source), restricted to `options.sourceNames` when given. A field goes to the first
 *   step whose source it lists. A field that lists no source, or a source the connector does not have (sources not
 *   expanded, or an unknown name), goes to the first step. A field whose sources are all disabled or filtered out is
 *   not asked for: those sources are not being added.
 * - A step is added with its source's own `auth_mechanism` (falling back to the chosen one). `webauth` is true when
 *   that mechanism is `webauth` and the step has no credential field (any field but a `list`): the step is "continue to
 *   your bank", after the choices its list fields offer.
 * - A step with no field is dropped, unless it is a webauth step (the redirection still has to happen). So with
 *   `webauth` chosen on the test connector, the plan is one step: `openapi`, its list field, webauth; the `directaccess`
 *   source asks only for credential-only fields, so it has nothing to ask and no step. With `credentials` chosen:
 *   `openapi` (the list field, webauth, the source's own mechanism) then `directaccess` (login and password).
 * - Without any source (not expanded, or none), and for payments: one step, `source: null`, with every relevant field.
 *   `steps` is never empty: when every step was dropped, one such step stands for the whole connection.
 * Nulls where arrays are expected are read as empty arrays; nothing throws for any input shape.
 */
import type { AuthMechanism, Connector, ConnectorField } from '../schemas.ts';

export type ConnectorFormKind = 'connection' | 'payment';

export interface PlanConnectorFormOptions {
  /** The mechanism to plan for (see the top of this file for the default). */
  authMechanism?: AuthMechanism | null | undefined;
  /** Restrict the plan to these sources, by name. */
  sourceNames?: readonly string[] | null | undefined;
  /** `connection` (default) plans `fields`; `payment` plans `payment_fields`. */
  kind?: ConnectorFormKind | undefined;
}

export interface FormStep {
  /** The source this step adds, or null when the plan is not sequenced by source. */
  source: string | null;
  /** The mechanism this step is completed with. */
  authMechanism: AuthMechanism;
  /** The fields to ask for in this step, in the API's order. */
  fields: ConnectorField[];
  /** Whether this step ends in the bank's web flow ("continue to your bank") rather than in submitted credentials. */
  webauth: boolean;
}

export interface ConnectorFormPlan {
  authMechanism: AuthMechanism;
  availableAuthMechanisms: AuthMechanism[];
  steps: FormStep[];
}

type Loose = Record<string, unknown>;

const record = (x: unknown): Loose => (x !== null && typeof x === 'object' ? (x as Loose) : {});
const strings = (x: unknown): string[] =>
  (Array.isArray(x) ? x : []).filter((v): v is string => typeof v === 'string' && v !== '');

export function planConnectorForm(
  connector: Connector | null | undefined,
  options?: PlanConnectorFormOptions | null,
): ConnectorFormPlan {
  const c = record(connector);
  const o = record(options);
  const payment = o.kind === 'payment';
  const available = [
    ...new Set(
      payment
        ? strings(record(c.payment_settings).available_validate_mechanisms)
        : strings([c.auth_mechanism, ...strings(c.available_auth_mechanisms)]),
    ),
  ];
  if (!available.length) available.push(payment ? 'webauth' : 'credentials');
  const chosen = strings([o.authMechanism])[0] ?? (available[0] as string);

  const names = new Set<string>();
  const fields = payment ? c.payment_fields : c.fields;
  const relevant = (Array.isArray(fields) ? fields : []).filter((f): f is ConnectorField => {
    const { name, auth_mechanisms } = record(f);
    const mechanisms = strings(auth_mechanisms);
    if (typeof name !== 'string' || names.has(name) || (mechanisms.length && !mechanisms.includes(chosen)))
      return false;
    names.add(name);
    return true;
  });

  const sources = payment
    ? []
    : (Array.isArray(c.sources) ? c.sources : []).map(record).filter((s) => typeof s.name === 'string');
  const known = new Set(sources.map((s) => s.name));
  const wanted = Array.isArray(o.sourceNames) ? strings(o.sourceNames) : null;
  const priority = (s: Loose) =>
    typeof s.priority === 'number' && !Number.isNaN(s.priority) ? s.priority : Number.POSITIVE_INFINITY;
  const order: string[] = [];
  const mechanisms: string[] = [];
  for (const s of sources
    .filter((s) => (s.disabled == null || s.disabled === false) && (!wanted || wanted.includes(s.name as string)))
    .sort((a, b) => priority(a) - priority(b))) {
    if (order.includes(s.name as string)) continue;
    order.push(s.name as string);
    mechanisms.push(strings([s.auth_mechanism])[0] ?? chosen);
  }

  const step = (source: string | null, authMechanism: string, stepFields: ConnectorField[]): FormStep => ({
    source,
    authMechanism,
    fields: stepFields,
    webauth: authMechanism === 'webauth' && stepFields.every((f) => f.type === 'list'),
  });
  const slot = (f: ConnectorField) => {
    const listed = strings(f.connector_sources);
    const k = order.findIndex((name) => listed.includes(name));
    return k >= 0 ? k : !listed.length || listed.some((name) => !known.has(name)) ? 0 : -1;
  };
  const steps = order.length
    ? order
        .map((name, k) =>
          step(
            name,
            mechanisms[k] as string,
            relevant.filter((f) => slot(f) === k),
          ),
        )
        .filter((s) => s.fields.length || s.webauth)
    : [];
  if (!steps.length)
    steps.push(
      step(
        null,
        chosen,
        relevant.filter((f) => slot(f) === 0),
      ),
    );
  return { authMechanism: chosen, availableAuthMechanisms: available, steps };
}
