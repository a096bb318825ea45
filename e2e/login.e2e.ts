import { describe, expect, it } from 'vitest';
import { chooseLanguage, newPage, pageProblems, shot, useBrowser } from './support/browser';

const browser = useBrowser();

const isLogin = (url: string) => url.endsWith('/api/v1/auth/login');

describe('sign-in errors', () => {
  it('an empty form is refused in the reader’s language before anything is sent', async () => {
    const page = await newPage(browser());
    await page.goto('/');
    await chooseLanguage(page, 'עברית');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('button', { name: 'כניסה' }).click();
    // "Required" under both fields, from the catalog rather than the browser's own bubble.
    await expect(page.getByText('שדה חובה').count()).resolves.toBe(2);
    await shot(page, '40-login-required-he');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('says "wrong email or password" on 401, and how long to wait on a lockout (AUTH-03, 429 Retry-After)', async () => {
    const page = await newPage(browser());
    await page.goto('/');
    const email = page.locator('input[autocomplete="username"]');
    const password = page.locator('input[autocomplete="current-password"]');
    const submit = page.locator('form button[type="submit"]');

    await email.fill('coordinator@demo.tandem');
    await password.fill('not-the-password');
    await submit.click();
    await page.getByRole('alert').getByText('Wrong sign-in details or password.').waitFor();
    await shot(page, '41-login-wrong-password');

    // An address nobody uses, so the lock keeps no demo user out; the 6th failure within 15 minutes locks.
    await email.fill('nobody@demo.tandem');
    let status = 0;
    for (let attempt = 1; attempt <= 6; attempt++) {
      const [response] = await Promise.all([page.waitForResponse((r) => isLogin(r.url())), submit.click()]);
      status = response.status();
    }
    expect(status).toBe(429);
    await page.getByRole('alert').getByText('Too many attempts. Try again in 15 minutes.').waitFor();
    await shot(page, '42-login-locked-en');

    // The same refusal in Arabic: 15 takes the CLDR "many" form.
    await chooseLanguage(page, 'العربية');
    await page.getByRole('alert').getByText('حاول مرة أخرى بعد 15 دقيقة').waitFor();
    await shot(page, '43-login-locked-ar');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
