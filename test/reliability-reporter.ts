import type { Reporter, TestModule, Vitest } from 'vitest/node';
import type { ReliabilityMeta } from './reliability.ts';

/** The environments, from the lightest to the real browser. */
const ORDER = ['node', 'jsdom', 'Chromium'];

/**
 * Prints, at the end of a run, what the reliability cases that passed cover (see `reliability.ts`). The `dom` and
 * `react18` projects run the same files: a case is counted once per environment (Node, jsdom, Chromium).
 */
export default class ReliabilityReporter implements Reporter {
  private ctx: Vitest | undefined;

  onInit(ctx: Vitest): void {
    this.ctx = ctx;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const cases = new Map<string, { environment: string; meta: ReliabilityMeta }>();
    for (const testModule of testModules) {
      const { config } = testModule.project;
      const environment = config.browser.enabled ? 'Chromium' : config.environment;
      for (const test of testModule.children.allTests('passed')) {
        const meta = test.meta().reliability;
        if (meta) cases.set(`${environment} ${testModule.moduleId} ${test.fullName}`, { environment, meta });
      }
    }
    if (cases.size === 0) return;

    const all = [...cases.values()];
    const number = (n: number) => n.toLocaleString('en');
    const faults = all.filter(({ meta }) => meta.fault).length;
    const hostile = all.filter(({ meta }) => meta.hostile?.length);
    const inputs = new Set(hostile.flatMap(({ meta }) => meta.hostile ?? []));
    const byEnvironment = new Map<string, number>();
    for (const { environment } of hostile) byEnvironment.set(environment, (byEnvironment.get(environment) ?? 0) + 1);
    const where = [...byEnvironment]
      .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
      .map(([environment, count]) => `${number(count)} ${environment}`)
      .join(', ');
    const runs = all.reduce((sum, { meta }) => sum + (meta.propertyRuns ?? 0), 0);
    const line =
      `reliability: ${number(faults)} fault cases, ${number(inputs.size)} hostile inputs in ` +
      `${number(hostile.length)} cases${where ? ` (${where})` : ''}, ${number(runs)} property runs`;
    (this.ctx?.logger ?? console).log(line);
  }
}
