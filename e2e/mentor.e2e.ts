import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launch, login, newPage, openNav, PHONE, shot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe('mentor on a phone', () => {
  it('logs a contact with a few taps and sees it saved', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, 'mentor');
    await page.getByRole('button', { name: 'Menu' }).click();
    await openNav(page, 'Log a contact', '/log-contact');
    await page.getByLabel('With').first().click();
    await page.getByRole('option', { name: 'Amir Haddad' }).click();
    await page.getByText('Phone', { exact: true }).click();
    await page.getByText('30', { exact: true }).click();
    await shot(page, '20-mentor-log-contact-phone');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Contact saved.').waitFor();
    await shot(page, '21-mentor-contact-saved');
    await page.context().close();
  });
});
