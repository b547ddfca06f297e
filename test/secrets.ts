import { afterEach, beforeEach, type MockInstance, vi } from 'vitest';

/** Everything an error could show: its message, its JSON, its string form and those of its causes. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    parts.push(String(current), JSON.stringify(current) ?? '');
    if (current instanceof Error) parts.push(current.message, current.stack ?? '');
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}

/** Captures every console call of each test (silenced), in the returned array, emptied before each test. */
export function captureConsole(): unknown[][] {
  const logged: unknown[][] = [];
  let spies: MockInstance[] = [];
  beforeEach(() => {
    logged.length = 0;
    spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args);
      }),
    );
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
  });
  return logged;
}
