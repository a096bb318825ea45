import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const DEMO_PASSWORD = 'e2e-demo-password-2026';
export const baseUrl = () => inject('baseUrl');
const artifacts = resolve(import.meta.dirname, '../artifacts');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One Chromium for a file's journeys: started before the first, closed after the last. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('The browser starts in beforeAll');
    return browser;
  };
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const problems = new WeakMap<Page, string[]>();

export async function newPage(browser: Browser, viewport = DESKTOP, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, baseURL: baseUrl() });
  const page = await context.newPage();
  const seen: string[] = [];
  problems.set(page, seen);
  // A CSP refusal (script-src 'self') or an uncaught exception is a bug even when the page looks fine.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(`${e.name}: ${e.message}`));
  return page;
}

/** CSP violations and uncaught errors seen on this page so far. */
export const pageProblems = (page: Page) => problems.get(page) ?? [];

/** True when the page is wider than the viewport, i.e. something overflows sideways. */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** Sign in through the login form as a demo user of the given role. */
export async function login(page: Page, role: string) {
  await page.goto('/');
  // Fields found by their autocomplete purpose, so this works in every language.
  await page.locator('input[autocomplete="username"]').fill(`${role}@demo.tandem`);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('user-role').waitFor();
  // The language is remembered per user; journeys other than the language one read English.
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') {
    await chooseLanguage(page, 'English');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
}

/** Sign in and keep the user's remembered language (for the language journey). */
export async function loginKeepingLanguage(page: Page, role: string) {
  await page.goto('/');
  await page.locator('input[autocomplete="username"]').fill(`${role}@demo.tandem`);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('user-role').waitFor();
}

/** Pick a language in the switcher (a Mantine Select). */
export async function chooseLanguage(page: Page, name: string) {
  await page.getByTestId('language-switcher').first().click();
  await page.getByRole('option', { name }).click();
}

/**
 * Follow a navigation link and wait until its page is the one showing: until
 * then the previous page's links (the same names on the attention list, say)
 * are still in the document.
 */
export async function openNav(page: Page, name: string, path: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
}
