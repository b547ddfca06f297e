// Sizes of what users download, minified and brotli-compressed. The ui limit is its goal, 12 kB. The core and react
// limits guard against growth just above today's figures; their goals are lower (core 6 kB, react 4 kB) and not met
// yet, see apps/bench/README.md (core pays for the search index, the field-pattern translator and the parse shortcut;
// react for the combobox and form hooks and the optimistic cache updates).
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
    limit: '9.1 kB',
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
    limit: '6.75 kB',
  },
  {
    name: '@connector-kit/ui (own, all of it)',
    path: 'packages/ui/dist/index.js',
    import: '*',
    ignore: [...peers, ...workspace],
    limit: '12 kB',
  },
  {
    // Each language but English is opt-in: an app pays for the tables it imports.
    name: '@connector-kit/ui/locales: one table (import { fr })',
    path: 'packages/ui/dist/locales.js',
    import: '{ fr }',
    ignore: [...peers, ...workspace],
    limit: '1.35 kB',
  },
  {
    name: 'minimal import: useConnectors + createConnectorsClient',
    path: ['packages/react/dist/index.js', 'packages/core/dist/index.js'],
    import: {
      'packages/react/dist/index.js': '{ ConnectorsProvider, useConnectors }',
      'packages/core/dist/index.js': '{ createConnectorsClient }',
    },
    ignore: [...peers, ...lazy],
    limit: '4.8 kB',
  },
];
