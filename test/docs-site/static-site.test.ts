import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type Session, SITE_PATH, screenshot, setupSite } from './support/site.ts';

/*
 * The Storybook build as it would be published: plain files below a sub-path, no dev server. The docs pages render,
 * and the stories get their data from the emulator through MSW's service worker, registered from the site's path.
 * One visit for the file, as a reader goes from page to page through the sidebar (loading Storybook is the slow part).
 */
describe('the static Storybook site', () => {
  const site = setupSite();
  let session: Session;

  beforeAll(async () => {
    session = await site.open();
  });

  afterAll(async () => {
    await session?.close();
  });

  beforeEach(() => {
    session.problems.length = 0;
    session.emulatorCalls.length = 0;
  });

  /**
   * The problems seen, but failed requests to the emulators of stories other than `storyId`: the error states'
   * emulators fail on purpose, and a docs page's stories may still be loading when the reader moves on.
   */
  const problemsBut = (storyId: string) =>
    session.problems.filter((problem) => {
      const failed = /^console: Failed to load resource: .* \(http:\/\/[^/]+\/__emulator\/([^/]+)\//.exec(problem);
      return !failed || failed[1] === storyId;
    });

  const sidebar = () => session.page.getByRole('navigation', { name: 'Stories' });
  /** A sidebar entry: its name is not unique (every package has an "Overview"), its id is the page's. */
  const entry = (name: string, id: string) =>
    sidebar()
      .getByRole('link', { name, exact: true })
      .and(session.page.locator(`[id="${id}"]`));

  test('opens on the first docs page and lists every package and component', async () => {
    const { page, preview } = session;
    await preview.getByRole('heading', { level: 1, name: '@connector-kit/core' }).waitFor();
    const overviews = sidebar().getByRole('link', { name: 'Overview' });
    // One per package.
    expect(await overviews.count()).toBe(4);
    for (const component of ['ConnectorPicker', 'ConnectFlow', 'ConnectorForm', 'CountrySelect', 'Data hooks']) {
      await sidebar().getByRole('button', { name: component, exact: true }).waitFor();
    }
    expect(await page.title()).toMatch(/Core \/ Overview/i);
    expect(session.problems).toEqual([]);
  });

  test('shows no onboarding checklist nor guide', async () => {
    const { page } = session;
    const features = await page.evaluate(() => (window as { FEATURES?: Record<string, unknown> }).FEATURES);
    expect(features).toMatchObject({ sidebarOnboardingChecklist: false, menuOnboardingChecklist: false });
    expect(await page.locator('#storybook-checklist-widget').count()).toBe(0);
    expect(await page.getByRole('button', { name: /onboarding guide/i }).count()).toBe(0);

    await page.getByRole('switch', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'About your Storybook' }).waitFor();
    await screenshot(page, 'settings-menu');
    expect(await page.getByText(/onboarding guide|get started/i).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(session.problems).toEqual([]);
  });

  test('shows a docs page written in MDX', async () => {
    const { page, preview } = session;
    await entry('Overview', 'ui-overview--docs').click();
    await preview.getByRole('heading', { level: 1, name: '@connector-kit/ui' }).waitFor();
    await preview.getByText('Accessible components for picking a bank').waitFor();
    await preview.getByRole('heading', { level: 2, name: 'Languages and direction' }).waitFor();
    await screenshot(page, 'docs-page');
    expect(session.problems).toEqual([]);
  });

  // Clicking a component opens its docs page: every story of the component, some slow or failing on purpose.
  test("shows a component's generated docs page, each story on its own emulator", async () => {
    const { page, preview } = session;
    await sidebar().getByRole('button', { name: 'ConnectorPicker', exact: true }).click();
    await preview.getByRole('heading', { level: 1, name: 'ConnectorPicker' }).waitFor();
    await preview.getByText('A bank picker: a country select, a search field').waitFor();
    // The props table, from the component's types.
    await preview.getByRole('cell', { name: 'defaultCountryCode', exact: true }).waitFor();
    // The first story, at the top of the page, with the emulator's banks.
    await preview.getByRole('listbox', { name: 'Banks' }).first().getByRole('option').first().waitFor();
    await screenshot(page, 'autodocs-page');
    expect(new URL(page.url()).searchParams.get('path')).toBe('/docs/ui-connectorpicker--docs');

    const calls = session.emulatorCalls.filter(({ url }) => url.includes('/ui-connectorpicker--default/'));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter(({ status, fromServiceWorker }) => status !== 200 || !fromServiceWorker)).toEqual([]);
    expect(problemsBut('ui-connectorpicker--default')).toEqual([]);
  });

  test('renders a story with the connectors the emulator answers through the service worker', async () => {
    const { page, preview } = session;
    const story = entry('Default', 'ui-connectorpicker--default');
    if (!(await story.isVisible()))
      await sidebar().getByRole('button', { name: 'ConnectorPicker', exact: true }).click();
    await story.click();
    const banks = preview.getByRole('listbox', { name: 'Banks' });
    await banks.getByRole('option').first().waitFor();
    expect(await banks.getByRole('option').count()).toBeGreaterThan(5);
    await screenshot(page, 'story');

    // Registered next to the site's `iframe.html`, not at the origin's root.
    expect(
      page
        .context()
        .serviceWorkers()
        .map((worker) => worker.url()),
    ).toEqual([`${site.server.url}mockServiceWorker.js`]);
    expect(site.server.requests).toContain(`${SITE_PATH}mockServiceWorker.js`);
    expect(session.emulatorCalls).toContainEqual({
      url: expect.stringMatching(/\/__emulator\/ui-connectorpicker--default\/2\.0\/connectors\?/),
      status: 200,
      fromServiceWorker: true,
    });
    expect(session.emulatorCalls.filter(({ fromServiceWorker }) => !fromServiceWorker)).toEqual([]);
    // Nothing for the emulator ever reached the file server.
    expect(site.server.requests.filter((request) => request.startsWith('/__emulator/'))).toEqual([]);
    expect(problemsBut('ui-connectorpicker--default')).toEqual([]);
  });
});
