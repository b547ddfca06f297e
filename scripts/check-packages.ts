/**
 * Checks what each published package really offers, on the built `dist/`:
 * - its export list, runtime values and types, equals the list committed in `packages/<name>/api/<entry>.txt`
 *   (`--update` rewrites the lists after an intended change), so an accidental export fails the tests;
 * - `publint --strict` finds nothing;
 * - `attw --pack` (ESM-only profile) finds no type resolution problem;
 * - the entries with hooks and components are React Server Components client boundaries (`"use client"` first), and
 *   every other entry is server-safe: no directive, and no import of React, React DOM or react-hook-form anywhere in
 *   the files it loads; only `@connector-kit/mock-api/msw` loads msw (an optional peer);
 * - every type a public signature names is exported by the package (its own, and those of the other packages of the
 *   workspace it re-exports), so that a user never has to reach into another package or a private name for it;
 * - the tarball has the license and says where the repository is.
 * Run after `pnpm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = path.resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');
const packages = ['core', 'react', 'ui', 'mock-api'];
/** The entries that are client boundaries, as `<package>:<subpath>`. */
const clientEntries = new Set(['react:.', 'ui:.']);
/** What a server-safe entry never loads: a Server Component may import it. */
const clientOnly = /^(react|react-dom|react-hook-form)(\/|$)/;
/** The entry that needs msw, an optional peer: no other entry loads it. */
const mswEntry = 'mock-api:./msw';

/** The bare specifiers imported by a built file and by the files of the package it imports, transitively. */
function importedPackages(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:^|[\s;])(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]/g)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.')) {
      for (const name of importedPackages(path.resolve(path.dirname(file), specifier), seen)) found.add(name);
    } else {
      found.add(specifier);
    }
  }
  for (const match of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (!(match[1] ?? '').startsWith('.')) found.add(match[1] ?? '');
  }
  return found;
}

/** Whether a built file starts with the `"use client"` directive. */
const isClientBoundary = (file: string) => /^\s*(['"])use client\1;?/.test(readFileSync(file, 'utf8'));

interface PackageJson {
  name: string;
  repository?: { url?: string; directory?: string };
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

/**
 * The names the built declarations use but the package does not export: a declaration of its own that no entry
 * exports (a bundled `.d.ts` holds only what the exports reach), or a type imported from another package of the
 * workspace. Each with the file that names it.
 */
function unexportedSignatureTypes(dir: string, exported: ReadonlySet<string>): string[] {
  const files = readdirSync(path.join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.d.ts'),
  );
  const gaps = new Set<string>();
  for (const file of files) {
    const source = readFileSync(path.join(dir, 'dist', file), 'utf8');
    const local =
      /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:function|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
    for (const match of source.matchAll(local)) {
      if (match[1] && !exported.has(match[1])) gaps.add(`${match[1]} (declared in ${file})`);
    }
    for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(@connector-kit\/[^"]+)"/g)) {
      for (const part of (match[1] ?? '').split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]
          ?.trim();
        if (name && !exported.has(name)) gaps.add(`${name} (from ${match[2]}, in ${file})`);
      }
    }
  }
  return [...gaps].sort();
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
    const builtFile = path.join(dir, target.default);
    const label = `${manifest.name}${subpath.slice(1)}`;
    const imported = [...importedPackages(builtFile)];
    const loadsMsw = imported.some((specifier) => /^msw(\/|$)/.test(specifier));
    if (loadsMsw && `${name}:${subpath}` !== mswEntry) fail(`${label}: loads msw, an optional peer`);
    if (clientEntries.has(`${name}:${subpath}`)) {
      if (isClientBoundary(builtFile)) console.log(`✓ ${label}: a client boundary ("use client")`);
      else fail(`${label}: the build lost its "use client" directive`);
    } else {
      const loaded = imported.filter((specifier) => clientOnly.test(specifier));
      if (isClientBoundary(builtFile)) fail(`${label}: server-safe, yet marked "use client"`);
      else if (loaded.length > 0) fail(`${label}: server-safe, yet loads ${loaded.join(', ')}`);
      else console.log(`✓ ${label}: server-safe (no "use client", no React import)`);
    }
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

  const exported = new Set(
    Object.values(exportsMap).flatMap((target) =>
      typeof target === 'string' || !target.types?.endsWith('.d.ts')
        ? []
        : declaredNames(readFileSync(path.join(dir, target.types), 'utf8')),
    ),
  );
  const gaps = unexportedSignatureTypes(dir, exported);
  if (gaps.length > 0)
    fail(`${manifest.name}: public signatures name types it does not export:\n    ${gaps.join('\n    ')}`);
  else console.log(`✓ ${manifest.name}: every type of its public signatures is exported`);

  // npm puts a package's LICENSE in its tarball whatever `files` says.
  if (!existsSync(path.join(dir, 'LICENSE'))) fail(`${manifest.name}: no LICENSE`);
  else if (!manifest.repository?.url || manifest.repository.directory !== `packages/${name}`) {
    fail(`${manifest.name}: no repository (url and directory)`);
  } else console.log(`✓ ${manifest.name}: LICENSE and repository`);

  const { messages } = await publint({ pkgDir: dir, strict: true, pack: 'pnpm' });
  const pkgJson = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const message of messages) fail(`${manifest.name}: publint: ${formatMessage(message, pkgJson) ?? message.code}`);
  if (messages.length === 0) console.log(`✓ ${manifest.name}: publint --strict`);

  try {
    // Every entry, the stylesheet too (its types condition gives TypeScript an empty module).
    const args = ['exec', 'attw', '--pack', dir, '--profile', 'esm-only', '--format', 'ascii', '--no-color'];
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
