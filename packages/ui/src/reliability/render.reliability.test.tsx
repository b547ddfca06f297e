import { type Connector, connectorSchema } from '@connector-kit/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anyText, brokenEntry, connectorPayload, mechanism } from '../../../core/src/test/arbitraries.ts';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import { fr } from '../locales.ts';
import { ConnectorPickerView } from '../picker/ConnectorPicker.tsx';
import { failOnConsoleErrorsAndRejections, stubListboxSize } from '../test/guards.ts';

/*
 * Random connector payloads, parsed as the client parses them, rendered: the picker with a random list, query and
 * country; the form of a random connector, submitted once. Never an uncaught error, never a React error or warning.
 */

/** Runs per property: each renders in jsdom. */
const RUNS = 100;

const { errors } = failOnConsoleErrorsAndRejections();
stubListboxSize();

beforeEach(() => {
  // Unusable field patterns are reported once each with `console.warn`: random ones would fill the output.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.mocked(console.warn).mockRestore();
});

function parseEach(payloads: readonly unknown[]): Connector[] {
  return payloads.flatMap((payload) => {
    const result = connectorSchema.safeParse(payload);
    return result.success ? [result.data] : [];
  });
}

const connectors = fc
  .array(fc.oneof({ weight: 12, arbitrary: connectorPayload }, { weight: 1, arbitrary: brokenEntry }), {
    maxLength: 10,
  })
  .map(parseEach);

describe('rendered with random connectors', () => {
  it('ConnectorPickerView', async () => {
    await fc.assert(
      fc.asyncProperty(
        connectors,
        fc.oneof(fc.constant(''), anyText),
        fc.oneof(fc.constant(undefined), fc.constant(null), fc.constantFrom('FR', 'de', 'XX', '*', ' ', '')),
        fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 5 })),
        fc.constantFrom('en', 'fr', 'ar', 'xx-invalid-'),
        async (list, query, country, popular, locale) => {
          const view = render(
            <ConnectorPickerView
              connectors={list}
              defaultQuery={query}
              defaultCountry={country}
              popular={popular}
              locale={locale}
              messages={locale === 'fr' ? fr : undefined}
              onNotFound={() => {}}
            />,
          );
          await act(async () => {});
          expect(screen.getAllByRole('combobox').length).toBe(2);
          // The keyboard, over whatever came out.
          const input = view.container.querySelector('input[role="combobox"]') as HTMLInputElement;
          fireEvent.keyDown(input, { key: 'ArrowDown' });
          fireEvent.keyDown(input, { key: 'End' });
          fireEvent.keyDown(input, { key: 'Enter' });
          await act(async () => {});
          view.unmount();
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ConnectorForm, submitted', async () => {
    await fc.assert(
      fc.asyncProperty(
        connectorPayload.map((payload) => connectorSchema.parse(payload)),
        fc.oneof(fc.constant(undefined), mechanism),
        fc.constantFrom('connection', 'payment'),
        fc.oneof(fc.constant(undefined), fc.dictionary(anyText, anyText, { maxKeys: 3 })),
        fc.constantFrom('en', 'fr', 'ar', 'xx-invalid-'),
        async (connector, defaultAuthMechanism, kind, defaultValues, locale) => {
          const onSubmit = vi.fn();
          const view = render(
            <ConnectorForm
              connector={connector}
              defaultAuthMechanism={defaultAuthMechanism}
              kind={kind}
              defaultValues={defaultValues}
              readOnly={defaultValues ? Object.keys(defaultValues) : undefined}
              onSubmit={onSubmit}
              onWebauth={() => {}}
              locale={locale}
              messages={locale === 'fr' ? fr : undefined}
            />,
          );
          const form = view.container.querySelector('form') as HTMLFormElement;
          await act(async () => {
            fireEvent.submit(form);
          });
          await act(async () => {});
          view.unmount();
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
