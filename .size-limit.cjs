// Sizes of what users download, minified and brotli-compressed. The limits guard against growth: they sit just above
// today's figures. The goals are lower (core 6 kB, react 4 kB, ui 12 kB) and not met yet; see apps/bench/README.md.
// Peer dependencies are never counted; each
// package's "own" entry leaves out the workspace packages it builds on, the "minimal import" entries count them.
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
    limit: '8.8 kB',
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
    limit: '7.8 kB',
  },
  {
    name: '@connector-kit/ui (own, all of it)',
    path: 'packages/ui/dist/index.js',
    import: '*',
    ignore: [...peers, ...workspace],
    limit: '26 kB',
  },
  {
    name: 'minimal import: useConnectors + createConnectorsClient',
    path: ['packages/react/dist/index.js', 'packages/core/dist/index.js'],
    import: {
      'packages/react/dist/index.js': '{ ConnectorsProvider, useConnectors }',
      'packages/core/dist/index.js': '{ createConnectorsClient }',
    },
    ignore: [...peers, ...lazy],
    limit: '4.5 kB',
  },
];
