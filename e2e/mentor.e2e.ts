import { describe, it } from 'vitest';
import { login, newPage, openNav, PHONE, shot, useBrowser } from './support/browser';

const browser = useBrowser();

describe('mentor on a phone', () => {
  it('logs a contact with a few taps and sees it saved', async () => {
    const page = await newPage(browser(), PHONE);
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
