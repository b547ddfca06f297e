/**
 * Checks what each published package really offers, on the built `dist/`:
 * - its export list, runtime values and types, equals the list committed in `packages/<name>/api/<entry>.txt`
 *   (`--update` rewrites the lists after an intended change), so an accidental export fails the tests;
 * - `publint --strict` finds nothing;
 * - `attw --pack` (ESM-only profile) finds no type resolution problem.
 * Run after `pnpm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = path.resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');
const packages = ['core', 'react', 'ui', 'mock-api'];

interface PackageJson {
  name: string;
  publishConfig?: { exports?: Record<string, unknown> };
}

/** Every name a declaration file exports: `export { a, b as c }`, `export type { … }` and declarations. */
function declaredNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  }
  const declaration =
    /export\s+(?:declare\s+)?(?:abstract\s+)?(?:function|const|let|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/g;
  for (const match of source.matchAll(declaration)) if (match[1]) names.add(match[1]);
  return [...names].sort();
}

let failures = 0;
const fail = (message: string) => {
  failures++;
  console.error(`✗ ${message}`);
};

for (const name of packages) {
  const dir = path.join(root, 'packages', name);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  const exportsMap = (manifest.publishConfig?.exports ?? {}) as Record<
    string,
    { default?: string; types?: string } | string
  >;

  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (typeof target === 'string' || !target.default?.endsWith('.js') || !target.types) continue;
    const runtime = Object.keys(await import(pathToFileURL(path.join(dir, target.default)).href)).sort();
    const types = declaredNames(readFileSync(path.join(dir, target.types), 'utf8')).filter(
      (type) => !runtime.includes(type),
    );
    const listing = [...runtime.map((value) => `value ${value}`), ...types.map((type) => `type ${type}`)].join('\n');
    const entry = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '');
    const file = path.join(dir, 'api', `${entry}.txt`);
    if (update) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${listing}\n`);
      console.log(`wrote ${path.relative(root, file)}`);
    } else if (!existsSync(file)) {
      fail(
        `${manifest.name}${subpath.slice(1)}: no committed export list (${path.relative(root, file)}); run with --update`,
      );
    } else {
      const expected = readFileSync(file, 'utf8').trim().split('\n');
      const actual = listing.split('\n');
      const added = actual.filter((line) => !expected.includes(line));
      const removed = expected.filter((line) => !actual.includes(line));
      if (added.length > 0 || removed.length > 0) {
        fail(
          `${manifest.name}${subpath.slice(1)}: exports differ from ${path.relative(root, file)}` +
            `${added.length ? `\n    added:   ${added.join(', ')}` : ''}` +
            `${removed.length ? `\n    removed: ${removed.join(', ')}` : ''}` +
            '\n    (run `node scripts/check-packages.ts --update` if the change is intended)',
        );
      } else {
        console.log(`✓ ${manifest.name}${subpath.slice(1)}: ${actual.length} exports as committed`);
      }
    }
  }

  const { messages } = await publint({ pkgDir: dir, strict: true, pack: 'pnpm' });
  const pkgJson = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const message of messages) fail(`${manifest.name}: publint: ${formatMessage(message, pkgJson) ?? message.code}`);
  if (messages.length === 0) console.log(`✓ ${manifest.name}: publint --strict`);

  try {
    // Stylesheets have no types to resolve.
    const styles = Object.keys(exportsMap).filter((subpath) => subpath.endsWith('.css'));
    const exclude = styles.length > 0 ? ['--exclude-entrypoints', ...styles] : [];
    const args = [
      'exec',
      'attw',
      '--pack',
      dir,
      '--profile',
      'esm-only',
      '--format',
      'ascii',
      '--no-color',
      ...exclude,
    ];
    execFileSync('pnpm', args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    console.log(`✓ ${manifest.name}: attw (ESM only)`);
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    fail(`${manifest.name}: attw\n${output}`);
  }
}

if (failures > 0) {
  console.error(`\n${failures} package problem(s)`);
  process.exit(1);
}
