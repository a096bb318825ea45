import { describe, expect, it } from 'vitest';
import { login, newPage, openNav, pageProblems, shot, useBrowser } from './support/browser';

const browser = useBrowser();

describe('admin', () => {
  it('lists users, adds a mentor, sees the one-time password once and the new row; the audit log shows it', async () => {
    const page = await newPage(browser());
    await login(page, 'admin');
    await openNav(page, 'Users', '/users');
    await page.getByRole('cell', { name: 'coordinator@demo.tandem' }).waitFor();
    await page.getByLabel('Name').fill('Lea Mizrahi');
    await page.getByLabel('Email').fill('lea.mizrahi@demo.tandem');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const otp = await page.getByTestId('one-time-password').textContent();
    expect(otp).toMatch(/^[A-Za-z0-9]{20}$/);
    await page.getByRole('cell', { name: 'lea.mizrahi@demo.tandem' }).waitFor();
    await shot(page, '10-admin-users-created');

    // Checked in the browser with the contract's own schema, before anything is sent.
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Name').fill('Bad Email');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Invalid format').waitFor();

    // Only the server knows the address is taken: its 409 problem names the field (errors[].field).
    await page.getByLabel('Email').fill('lea.mizrahi@demo.tandem');
    await page.getByLabel('Name').fill('Lea Again');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Someone in this organisation already uses this email').waitFor();
    await expect(page.getByTestId('one-time-password').count()).resolves.toBe(0);
    await shot(page, '12-admin-users-email-taken');

    await openNav(page, 'Audit log', '/audit');
    await page.getByText('user.create').first().waitFor();
    await shot(page, '11-admin-audit');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
