import { describe, expect, it } from 'vitest';

/**
 * Server-side rendering: the components render to HTML in Node, where there is no `window` or `document`, and
 * importing the packages touches neither (a module that did would throw here at import time).
 */
describe('server-side rendering', () => {
  it('runs where there is no window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('imports the packages and renders the picker, the form and the flow to a string', async () => {
    const [core, react, ui, { fr }, mock, { createElement }, { renderToString }] = await Promise.all([
      import('@connector-kit/core'),
      import('@connector-kit/react'),
      import('@connector-kit/ui'),
      import('@connector-kit/ui/locales'),
      import('@connector-kit/mock-api'),
      import('react'),
      import('react-dom/server'),
    ]);
    // Never called: every query below is answered from the cache.
    const client = core.createConnectorsClient({ baseUrl: 'http://127.0.0.1:9/2.0', language: 'fr' });
    const queryClient = react.createConnectorsQueryClient();
    const visible = mock.demoConnectors.filter((connector) => connector.hidden !== true);
    queryClient.setQueryData(react.connectorsQueryOptions(client, { expand: ['countries'] }).queryKey, {
      connectors: visible,
      total: visible.length,
    });
    const connector = visible.find((candidate) => candidate.name === 'Société Générale');
    if (!connector) throw new Error('the demo dataset has no Société Générale');
    queryClient.setQueryData(
      react.connectorQueryOptions(client, connector.uuid, { expand: ['fields', 'sources'] }).queryKey,
      connector,
    );

    const render = (node: ReturnType<typeof createElement>) =>
      renderToString(
        createElement(
          react.ConnectorsProvider,
          { client, queryClient },
          createElement(ui.LocaleProvider, { locale: 'fr', messages: fr, children: node }),
        ),
      );

    const picker = render(createElement(ui.ConnectorPicker, { defaultCountryCode: 'FR' }));
    expect(picker).toContain('Rechercher votre banque');
    expect(picker).toContain('role="listbox"');

    const form = render(createElement(ui.ConnectorForm, { connector, onSubmit: () => undefined }));
    expect(form).toContain('Société Générale');
    expect(form).toContain('<form');

    const flow = render(
      createElement(ui.ConnectFlow, { defaultConnectorUuid: connector.uuid, onSubmit: () => undefined }),
    );
    expect(flow).toContain('Société Générale');
    expect(flow).toContain('<form');
  });
});
