/** What the bench scripts share: option parsing, the throttle they really get, the machine they ran on. */
import os from 'node:os';
import type { Browser } from 'playwright-core';

/** A positive number from a command-line option (`20_000` allowed); exits with a message that names the option. */
export function positive(value: string, name: string): number {
  const parsed = Number(value.replaceAll('_', ''));
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number, got ${value}`);
  return parsed;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The slow-down a CPU throttle really gives: a fixed loop timed at 1× and at the throttle, alternately, on one page. */
export async function measuredThrottle(browser: Browser, throttle: number, rounds = 5): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto('about:blank');
  const work = () =>
    new Promise<number>((done) => {
      // A fresh task, so that nothing else shares the timing.
      setTimeout(() => {
        const start = performance.now();
        let sum = 0;
        for (let i = 0; i < 2e7; i++) sum += Math.sqrt(i);
        done(sum > 0 ? performance.now() - start : 0);
      }, 0);
    });
  await page.evaluate(work);
  const plain: number[] = [];
  const throttled: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    plain.push(await page.evaluate(work));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    throttled.push(await page.evaluate(work));
  }
  await context.close();
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return round(middle(throttled) / middle(plain));
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  chromium: string;
  node: string;
  measuredThrottle: number;
}

/** The machine a report was measured on. */
export function describeMachine(browser: Browser, measuredThrottleRate: number): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: browser.version(),
    node: process.version,
    measuredThrottle: measuredThrottleRate,
  };
}
