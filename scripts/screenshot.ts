/**
 * Takes screenshots of pages in headless Chromium, to look at what people will see.
 *   node scripts/screenshot.ts <url> <out.png> [<url> <out.png> ...] [--width 1024] [--height 768] [--dark]
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../vite.shared.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args.splice(index, 2)[1]) : fallback;
};
const width = option('width', 1024);
const height = option('height', 768);
const darkIndex = args.indexOf('--dark');
const dark = darkIndex >= 0;
if (dark) args.splice(darkIndex, 1);

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
const page = await browser.newPage({ viewport: { width, height }, colorScheme: dark ? 'dark' : 'light' });
for (let i = 0; i + 1 < args.length; i += 2) {
  const [url, out] = [args[i] as string, args[i + 1] as string];
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${out} ← ${url}`);
}
await browser.close();
