import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, shot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe('admin', () => {
  it('lists users, adds a mentor, sees the one-time password once and the new row; the audit log shows it', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('cell', { name: 'coordinator@demo.tandem' }).waitFor();
    await page.getByLabel('Name').fill('Lea Mizrahi');
    await page.getByLabel('Email').fill('lea.mizrahi@demo.tandem');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const otp = await page.getByTestId('one-time-password').textContent();
    expect(otp).toMatch(/^[A-Za-z0-9]{20}$/);
    await page.getByRole('cell', { name: 'lea.mizrahi@demo.tandem' }).waitFor();
    await shot(page, '10-admin-users-created');

    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Name').fill('Bad Email');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page
      .getByText('Invalid format')
      .or(page.getByText('Some fields are missing or invalid.'))
      .first()
      .waitFor();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('user.create').first().waitFor();
    await shot(page, '11-admin-audit');
    await page.context().close();
  });
});
