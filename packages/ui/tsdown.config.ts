import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

const stylesheets = ['base', 'picker', 'form', 'connect'];

export default defineConfig({
  entry: ['src/index.ts', 'src/locales.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  clean: true,
  hooks: {
    // One stylesheet for the package: the parts concatenated in order.
    'build:done': () => {
      const css = stylesheets
        .map((name) => readFileSync(new URL(`./src/styles/${name}.css`, import.meta.url), 'utf8'))
        .join('\n');
      writeFileSync(new URL('./dist/styles.css', import.meta.url), css);
      // For TypeScript, `import '@connector-kit/ui/styles.css'` resolves to a module with nothing in it.
      writeFileSync(
        new URL('./dist/styles.css.d.ts', import.meta.url),
        '// The stylesheet of @connector-kit/ui: imported for its side effect, it exports nothing.\nexport {};\n',
      );
    },
  },
});
