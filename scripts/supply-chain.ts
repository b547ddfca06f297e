/**
 * Supply-chain checks of the workspace, on the installed `node_modules`:
 * 1. install scripts: every installed package with a `preinstall`, `install` or `postinstall` script (or a
 *    `binding.gyp`, which package managers build with node-gyp) must be allowed in pnpm-workspace.yaml's
 *    `allowBuilds`; any other fails the check;
 * 2. audit: `pnpm audit --prod --json`, summed up by severity on one line (an audit endpoint that cannot be reached
 *    is reported as such and does not fail the check);
 * 3. licenses: the runtime dependencies (dependencies and peer dependencies) of the four published packages, as a
 *    markdown table; `--write-readme` puts it between `<!-- licenses:start -->` and `<!-- licenses:end -->` in
 *    README.md.
 *
 * Usage: node scripts/supply-chain.ts [--write-readme]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PUBLISHED = ['core', 'react', 'ui', 'mock-api'];
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;
const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'] as const;

interface PackageJson {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readJson = (file: string): PackageJson => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;

// 1. Install scripts ------------------------------------------------------------------------------------------

/** The package names `allowBuilds` lets run their build, from the block or flow form of the key. */
function allowedBuilds(workspaceYaml: string): Set<string> {
  const allowed = new Set<string>();
  const add = (key: string, value: string) => {
    if (value.trim().replace(/,$/, '') === 'true') allowed.add(key.trim().replace(/^['"]|['"]$/g, ''));
  };
  const flow = /^allowBuilds:\s*\{([^}]*)\}/m.exec(workspaceYaml);
  if (flow) {
    for (const entry of (flow[1] ?? '').split(',')) {
      const [key = '', value = ''] = entry.split(/:(?=[^:]*$)/);
      add(key, value);
    }
    return allowed;
  }
  const lines = workspaceYaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^allowBuilds:\s*(#.*)?$/.test(line));
  if (start < 0) return allowed;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const entry = /^\s+((?:'[^']*'|"[^"]*"|[^:#\s][^:#]*?)):\s*([^#\s]+)/.exec(line);
    if (entry) add(entry[1] ?? '', entry[2] ?? '');
  }
  return allowed;
}

interface Installed {
  name: string;
  version: string;
  scripts: string[];
}

/** Every package in pnpm's virtual store, once each, with the install scripts it would run. */
function packagesWithInstallScripts(): Installed[] {
  const store = path.join(root, 'node_modules', '.pnpm');
  const seen = new Set<string>();
  const found: Installed[] = [];
  const inspect = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real) || !existsSync(path.join(real, 'package.json'))) return;
    seen.add(real);
    const manifest = readJson(path.join(real, 'package.json'));
    const scripts: string[] = INSTALL_SCRIPTS.filter((name) => manifest.scripts?.[name]).map(
      (name) => `${name}: ${manifest.scripts?.[name]}`,
    );
    if (scripts.length === 0 && existsSync(path.join(real, 'binding.gyp')))
      scripts.push('binding.gyp (node-gyp rebuild)');
    if (scripts.length > 0) found.push({ name: manifest.name ?? real, version: manifest.version ?? '?', scripts });
  };
  for (const entry of readdirSync(store)) {
    const modules = path.join(store, entry, 'node_modules');
    if (!existsSync(modules)) continue;
    for (const name of readdirSync(modules)) {
      if (name.startsWith('.')) continue;
      if (name.startsWith('@')) {
        for (const scoped of readdirSync(path.join(modules, name))) inspect(path.join(modules, name, scoped));
      } else {
        inspect(path.join(modules, name));
      }
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

// 2. Audit ------------------------------------------------------------------------------------------------------

type Counts = Record<(typeof SEVERITIES)[number], number>;

/** Counts by severity from `pnpm audit --json`: the npm v6 report (`metadata.vulnerabilities`) or bulk advisories. */
function auditCounts(report: unknown): Counts | null {
  if (report === null || typeof report !== 'object') return null;
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Counts;
  const metadata = (report as { metadata?: { vulnerabilities?: Record<string, number> } }).metadata;
  if (metadata?.vulnerabilities) {
    for (const severity of SEVERITIES) counts[severity] = Number(metadata.vulnerabilities[severity] ?? 0);
    return counts;
  }
  const advisories = (report as { advisories?: Record<string, { severity?: string }> }).advisories;
  const lists = advisories ? [Object.values(advisories)] : Object.values(report as Record<string, unknown>);
  let recognized = false;
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const advisory of list as { severity?: string }[]) {
      const severity = advisory?.severity as (typeof SEVERITIES)[number] | undefined;
      if (severity && severity in counts) {
        counts[severity] += 1;
        recognized = true;
      }
    }
  }
  return recognized || Object.keys(report).length === 0 ? counts : null;
}

function audit(): string {
  let stdout = '';
  let stderr = '';
  try {
    stdout = execFileSync('pnpm', ['audit', '--prod', '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (error) {
    // `pnpm audit` exits non-zero when it finds something, and when it cannot ask at all.
    const failed = error as { stdout?: string; stderr?: string; message?: string };
    stdout = failed.stdout ?? '';
    stderr = `${failed.stderr ?? ''} ${failed.message ?? ''}`;
  }
  let report: unknown = null;
  try {
    report = stdout.trim() ? JSON.parse(stdout) : null;
  } catch {
    report = null;
  }
  const counts = auditCounts(report);
  if (counts) {
    const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
    return `audit (production dependencies): ${total} known vulnerabilities — ${SEVERITIES.map((severity) => `${severity} ${counts[severity]}`).join(', ')}`;
  }
  const reason = `${stdout} ${stderr}`.replace(/\s+/g, ' ').trim();
  const code = /ERR_PNPM_\w+/.exec(reason)?.[0];
  const detail = /responded with \d+|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|fetch failed/.exec(reason)?.[0];
  const why = [code, detail].filter(Boolean).join(': ') || reason.slice(0, 200) || 'no output';
  return `audit: NOT RUN — pnpm audit gave no report (${why}), e.g. the audit endpoint cannot be reached; not a failure`;
}

// 3. Licenses ---------------------------------------------------------------------------------------------------

function licenseOf(manifest: PackageJson): string {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license && typeof manifest.license === 'object') {
    return String((manifest.license as { type?: unknown }).type ?? 'unknown');
  }
  if (Array.isArray(manifest.licenses)) {
    return manifest.licenses.map((entry) => String((entry as { type?: unknown }).type ?? entry)).join(' OR ');
  }
  return 'unknown';
}

interface RuntimeDependency {
  name: string;
  version: string;
  license: string;
  neededBy: string[];
}

/** The third-party runtime dependencies of the published packages, resolved from what is installed. */
function runtimeDependencies(): RuntimeDependency[] {
  const byName = new Map<string, RuntimeDependency>();
  for (const pkg of PUBLISHED) {
    const dir = path.join(root, 'packages', pkg);
    const manifest = readJson(path.join(dir, 'package.json'));
    const wanted: [string, string, string][] = [
      ...Object.entries(manifest.dependencies ?? {}).map(([name, range]): [string, string, string] => [
        name,
        range,
        '',
      ]),
      ...Object.entries(manifest.peerDependencies ?? {}).map(([name, range]): [string, string, string] => [
        name,
        range,
        manifest.peerDependenciesMeta?.[name]?.optional ? 'optional peer' : 'peer',
      ]),
    ];
    for (const [name, range, kind] of wanted) {
      if (range.startsWith('workspace:')) continue;
      const candidates = [path.join(dir, 'node_modules', name), path.join(root, 'node_modules', name)];
      const found = candidates.find((candidate) => existsSync(path.join(candidate, 'package.json')));
      const resolved = found ? readJson(path.join(found, 'package.json')) : undefined;
      const entry = byName.get(name) ?? {
        name,
        version: resolved?.version ?? `not installed (${range})`,
        license: resolved ? licenseOf(resolved) : 'unknown',
        neededBy: [],
      };
      entry.neededBy.push(`${manifest.name ?? pkg}${kind ? ` (${kind})` : ''}`);
      byName.set(name, entry);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function licenseTable(dependencies: readonly RuntimeDependency[]): string {
  const rows = dependencies.map(
    (dependency) =>
      `| \`${dependency.name}\` | ${dependency.version} | ${dependency.license} | ${dependency.neededBy.join(', ')} |`,
  );
  return ['| package | version | license | needed by |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const START = '<!-- licenses:start -->';
const END = '<!-- licenses:end -->';

/** README text with the block between the markers replaced by `table`. */
function withLicenseBlock(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

// Main ----------------------------------------------------------------------------------------------------------

function main(): number {
  let failed = false;

  const allowed = allowedBuilds(readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8'));
  const building = packagesWithInstallScripts();
  const refused = building.filter((pkg) => !allowed.has(pkg.name));
  console.log(
    `install scripts: ${building.length} installed package(s) have one; allowBuilds allows: ${[...allowed].join(', ') || 'none'}`,
  );
  for (const pkg of building) {
    console.log(
      `  ${allowed.has(pkg.name) ? 'allowed    ' : 'NOT ALLOWED'} ${pkg.name}@${pkg.version}  ${pkg.scripts.join('; ')}`,
    );
  }
  if (refused.length > 0) {
    failed = true;
    console.error(
      `install scripts: FAIL — ${refused.map((pkg) => pkg.name).join(', ')} not in pnpm-workspace.yaml allowBuilds`,
    );
  }

  console.log(audit());

  const table = licenseTable(runtimeDependencies());
  console.log('\nLicenses of the runtime dependencies of the published packages:\n');
  console.log(table);
  if (process.argv.includes('--write-readme')) {
    const readmePath = path.join(root, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const next = withLicenseBlock(readme, table);
    if (next !== readme) writeFileSync(readmePath, next);
    console.log(`\nREADME.md: licenses block ${next === readme ? 'already up to date' : 'updated'}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
