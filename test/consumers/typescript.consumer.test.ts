import { beforeAll, describe, expect, it } from 'vitest';
import { installApp, run } from './support.ts';

/**
 * A TypeScript project importing every entry point from the packed packages, strict with `skipLibCheck: false`,
 * type-checked under each module resolution a project may use.
 */
describe('TypeScript, from the packed packages', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await installApp(
      'typescript',
      'typescript',
      {
        typescript: '7.0.2',
        '@types/node': '24.19.2',
        '@types/react': '19.3.2',
        '@types/react-dom': '19.3.0',
        react: '19.3.1',
        'react-dom': '19.3.1',
        '@tanstack/react-query': '5.108.4',
        'react-hook-form': '7.92.0',
        zod: '4.6.7',
        '@radix-ui/react-select': '2.4.1',
        msw: '3.0.5',
      },
      ['@connector-kit/core', '@connector-kit/react', '@connector-kit/ui', '@connector-kit/mock-api'],
    );
  });

  it.each(['bundler', 'node16', 'nodenext'])(
    'type-checks every entry point under moduleResolution %s',
    async (mode) => {
      // `tsc` prints nothing when every file checks; its diagnostics are the failure message otherwise.
      const output = await run('npx', ['--no-install', 'tsc', '-p', `tsconfig.${mode}.json`], { cwd: dir }).catch(
        (error: Error) => error.message,
      );
      expect(output.trim()).toBe('');
    },
  );
});
