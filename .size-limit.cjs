// Sizes of what users download, minified and brotli-compressed. Every limit guards against growth just above today's
// figures. The whole packages grew with the connect journey: the Webview hand-off and its callback, then the direct
// path (react: useConnectionFlow, 7.72 → 9.05 kB; ui: every step of the bank's strong authentication and their
// strings, 13.62 → 16.17 kB; one locale table 1.70 → 2.28 kB), then logos (react 9.22 kB: the logo resolver; ui
// 16.33 kB: the lazy image and its fallback, the form's send error), then the headless picker (react 10.07 kB:
// useConnectorPicker, stable prop getters, the default country moved from ui), then the search's memory of the queries
// typed and the index prepared in slices after the first paint (core 13.74 kB, react 10.2 kB), then its sort in steps
// (core 14 kB), then the list's overscan that follows the scroll (ui 16.38 kB). What a page ships is guarded per page
// at the end (a picker page, a connect-flow page, the minimal import); their goals and the peers' figures are in
// apps/bench/README.md.
// Peer dependencies are never counted; other dependencies are (the ui package has none: its list windows itself, see
// ARCHITECTURE.md). Each package's "own" entry leaves out the workspace packages it builds on, the "minimal import"
// entries count them.
const peers = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@tanstack/react-query',
  'react-hook-form',
  'zod',
  '@radix-ui/react-select',
  'msw',
];
const workspace = ['@connector-kit/core', '@connector-kit/react', '@connector-kit/ui'];
// The linear-time regex engine is loaded on demand, only for field patterns that need it; it is measured alone.
const lazy = ['re2js'];

module.exports = [
  {
    name: '@connector-kit/core (all of it)',
    path: 'packages/core/dist/index.js',
    import: '*',
    ignore: [...peers, ...lazy],
    limit: '14.1 kB',
  },
  {
    name: 're2js (loaded on demand by field patterns)',
    path: 'packages/core/node_modules/re2js/build/index.js',
    import: '*',
    limit: '45 kB',
  },
  {
    name: '@connector-kit/react (own, all of it)',
    path: 'packages/react/dist/index.js',
    import: '*',
    ignore: [...peers, ...workspace],
    limit: '10.3 kB',
  },
  {
    name: '@connector-kit/ui (own, all of it)',
    path: 'packages/ui/dist/index.js',
    import: '*',
    ignore: [...peers, ...workspace],
    limit: '16.45 kB',
  },
  {
    // Each language but English is opt-in: an app pays for the tables it imports.
    name: '@connector-kit/ui/locales: one table (import { fr })',
    path: 'packages/ui/dist/locales.js',
    import: '{ fr }',
    ignore: [...peers, ...workspace],
    limit: '2.35 kB',
  },
  {
    name: 'minimal import: useConnectors + createConnectorsClient',
    path: ['packages/react/dist/index.js', 'packages/core/dist/index.js'],
    import: {
      'packages/react/dist/index.js': '{ ConnectorsProvider, useConnectors }',
      'packages/core/dist/index.js': '{ createConnectorsClient }',
    },
    ignore: [...peers, ...lazy],
    limit: '5.55 kB',
  },
  {
    // Per-page budgets: what a page that renders one of the components ships of this library (peers excluded).
    name: 'page with ConnectorPicker (provider, client, picker)',
    path: ['packages/ui/dist/index.js', 'packages/react/dist/index.js', 'packages/core/dist/index.js'],
    import: {
      'packages/ui/dist/index.js': '{ ConnectorPicker }',
      'packages/react/dist/index.js': '{ ConnectorsProvider }',
      'packages/core/dist/index.js': '{ createConnectorsClient }',
    },
    ignore: [...peers, ...lazy],
    limit: '19.3 kB',
  },
  {
    name: 'page with ConnectFlow (picker, form, flow; English only)',
    path: ['packages/ui/dist/index.js', 'packages/react/dist/index.js', 'packages/core/dist/index.js'],
    import: {
      'packages/ui/dist/index.js': '{ ConnectFlow }',
      'packages/react/dist/index.js': '{ ConnectorsProvider }',
      'packages/core/dist/index.js': '{ createConnectorsClient }',
    },
    ignore: [...peers, ...lazy],
    limit: '34.35 kB',
  },
];
