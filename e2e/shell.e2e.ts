import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  login,
  loginKeepingLanguage,
  newPage,
  openNav,
  overflowsSideways,
  PHONE,
  pageProblems,
  shot,
  useBrowser,
} from './support/browser';

const browser = useBrowser();

describe('coordinator shell', () => {
  it('signs in, sees the coordinator navigation, switches to Hebrew (rtl), Arabic (rtl) and Danish (ltr), and signs out', async () => {
    const page = await newPage(browser());
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await shot(page, '01-login-en');
    await login(page, 'coordinator');
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Coordinator');
    await openNav(page, 'Participants', '/participants');
    await page.getByRole('link', { name: 'Amir Haddad' }).waitFor();
    await shot(page, '02-coordinator-participants-en');

    // Keyboard users can jump past the header and navigation straight into the page.
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await shot(page, '02b-skip-link-focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');

    await chooseLanguage(page, 'עברית');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'he',
    ]);
    await shot(page, '03-coordinator-participants-he');

    await chooseLanguage(page, 'العربية');
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(page, '04-coordinator-participants-ar');

    await chooseLanguage(page, 'Dansk');
    await page.waitForFunction(() => document.documentElement.lang === 'da');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByRole('link', { name: 'Deltagere' }).waitFor();
    await shot(page, '05-coordinator-participants-da');

    // The language is remembered for the user: after signing out and in again it is still Danish.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    await shot(page, '06-signed-out-da');
    await chooseLanguage(page, 'English');
    await loginKeepingLanguage(page, 'coordinator');
    await page.waitForFunction(() => document.documentElement.lang === 'da');
    await page.getByRole('link', { name: 'Deltagere' }).waitFor();
    await chooseLanguage(page, 'English');
    await page.getByRole('link', { name: 'Participants' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('works on a phone: the menu opens from the burger', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'coordinator');
    await page.getByRole('button', { name: 'Menu' }).click();
    await openNav(page, 'Mentors', '/mentors');
    await page.getByRole('cell', { name: 'Yossi Cohen' }).waitFor();
    await shot(page, '07-phone-mentors-en');
    expect(await overflowsSideways(page)).toBe(false);

    // Right to left on a phone: the menu slides in from the right and nothing spills sideways.
    await chooseLanguage(page, 'العربية');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('button', { name: 'القائمة' }).click();
    await page.getByRole('link', { name: 'المرشدون' }).waitFor();
    await shot(page, '08-phone-menu-ar');
    expect(await overflowsSideways(page)).toBe(false);
    await openNav(page, 'المرشدون', '/mentors');
    await page.getByRole('cell', { name: 'Yossi Cohen' }).waitFor();
    await shot(page, '09-phone-mentors-ar');
    expect(await overflowsSideways(page)).toBe(false);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
