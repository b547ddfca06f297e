/**
 * What the reliability cases cover, counted from the cases themselves: each marks its test, and the reporter in
 * `reliability-reporter.ts` adds up the marks of the tests that passed and prints them at the end of the run.
 */
import fc from 'fast-check';
import { beforeEach, TestRunner } from 'vitest';

export interface ReliabilityMeta {
  /** A fault of the emulator's matrix, met by one unit. */
  fault?: boolean;
  /** The hostile inputs (text, colors, patterns, ...) the test shows, by name. */
  hostile?: string[];
  /** The runs of the property tests made by the test. */
  propertyRuns?: number;
}

declare module 'vitest' {
  interface TaskMeta {
    reliability?: ReliabilityMeta;
  }
}

type Marked = { meta: { reliability?: ReliabilityMeta } };

/** Marks the running test; called while a describe block is collected, marks each of its tests. */
function mark(update: (meta: ReliabilityMeta) => void): void {
  const apply = (task: Marked) => {
    task.meta.reliability ??= {};
    update(task.meta.reliability);
  };
  const test = TestRunner.getCurrentTest();
  if (test) apply(test);
  else beforeEach(({ task }) => apply(task));
}

/** Counts the running test, or each test of the describe block being collected, as a fault case. */
export function countAsFaultCase(): void {
  mark((meta) => {
    meta.fault = true;
  });
}

/** Counts the running test, or each test of the block being collected, as a case of the given hostile inputs. */
export function countAsHostileCase(...inputs: string[]): void {
  mark((meta) => {
    meta.hostile = [...(meta.hostile ?? []), ...inputs];
  });
}

type RunsParameters<Ts> = fc.Parameters<Ts> & { numRuns: number };

/** `fc.assert`, with the number of runs it is given counted for the running test. */
export function assertProperty<Ts>(property: fc.IAsyncProperty<Ts>, parameters: RunsParameters<Ts>): Promise<void>;
export function assertProperty<Ts>(property: fc.IProperty<Ts>, parameters: RunsParameters<Ts>): void;
export function assertProperty<Ts>(
  property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>,
  parameters: RunsParameters<Ts>,
): Promise<void> | void {
  mark((meta) => {
    meta.propertyRuns = (meta.propertyRuns ?? 0) + parameters.numRuns;
  });
  return fc.assert(property as fc.IAsyncProperty<Ts>, parameters);
}
