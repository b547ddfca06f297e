import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support.ts';

/**
 * The README's Next.js and Vite sections are what the consumer tests run: each code block named after a file
 * (```tsx app/page.tsx) is that file of the consumer app, word for word.
 */

const appOf = (file: string) => (file.startsWith('app/') ? 'next' : 'vite');

describe.each(['README.md', 'packages/react/README.md'])('%s', (readme) => {
  it('shows the consumer apps’ files as they are', async () => {
    const text = await readFile(path.join(root, readme), 'utf8');
    const blocks = [
      ...text.matchAll(/^```(?:tsx|ts|jsx|js) ((?:app|src)\/[\w/.-]+|vite\.config\.js)\n([\s\S]*?)^```$/gm),
    ];
    expect(blocks.map((block) => block[1])).toEqual([
      'app/providers.tsx',
      'app/api.ts',
      'app/layout.tsx',
      'app/page.tsx',
      'app/actions.ts',
      'app/prefetch/page.tsx',
      'vite.config.js',
      'src/main.jsx',
    ]);
    for (const [, file = '', shown = ''] of blocks) {
      const source = await readFile(path.join(import.meta.dirname, 'apps', appOf(file), file), 'utf8');
      expect(shown, `${readme}: ${file}`).toBe(source);
    }
  });
});
