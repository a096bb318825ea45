import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  DESKTOP,
  login,
  newPage,
  openNav,
  overflowsSideways,
  PHONE,
  pageProblems,
  shot,
  useBrowser,
} from './support/browser';

const browser = useBrowser();

describe('CM-4: a sign of risk, from the mentor’s phone to the coordinator’s referral', () => {
  it('CM-4: a mentor on a phone records a high sign, sees the emergency guidance, and the coordinator is alerted', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'mentor');
    await page.getByRole('button', { name: 'Menu' }).click();
    await openNav(page, 'Report a risk', '/report-risk');
    await page.getByLabel('About').first().click();
    await page.getByRole('option', { name: 'Amir Haddad' }).click();
    await page.getByText('Talk of self-harm or suicide', { exact: true }).click();
    await page.getByText('Severe deterioration', { exact: true }).click();
    // No guidance for a medium sign; high brings it on the screen before saving.
    await page.getByText('Medium', { exact: true }).click();
    expect(await page.getByTestId('emergency-guidance').count()).toBe(0);
    await page.getByText('High', { exact: true }).click();
    const guidance = page.getByTestId('emergency-guidance');
    await guidance.getByText('If a life is in danger now, call the emergency number.').waitFor();
    expect(await guidance.getByRole('link', { name: '101' }).getAttribute('href')).toBe('tel:101');
    await page
      .getByLabel('What happened, in a few words')
      .fill('Said he has stopped his medication and sees no way out.');
    await shot(page, '60-mentor-risk-high-guidance-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Save and alert' }).click();
    await page.getByTestId('risk-saved').getByText('The coordinator has been alerted now.').waitFor();
    await page.getByTestId('emergency-guidance').waitFor();
    await shot(page, '61-mentor-risk-saved-phone');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('CM-4: the coordinator sees the alert at the top of “needs attention” and records a referral', async () => {
    const page = await newPage(browser(), DESKTOP);
    await login(page, 'coordinator');
    await openNav(page, 'Needs attention', '/home');
    // At the top of the page, whatever the other deadlines, and in the list with its rule.
    const top = page.getByTestId('risk-alerts');
    await top.getByText('1 sign of risk needs action now').waitFor();
    await page.getByTestId('risk-alert').filter({ hasText: 'Amir Haddad' }).getByText('Overdue').waitFor();
    await shot(page, '62-coordinator-home-risk-alert');
    await top.getByRole('link', { name: /Amir Haddad/ }).click();
    await page.waitForURL(/\/risks\//);
    await page.getByText('Said he has stopped his medication and sees no way out.').waitFor();
    const form = page.getByTestId('new-referral');
    await form.getByLabel('Refer to').click();
    await page.getByRole('option', { name: 'Mental health service' }).click();
    await form.getByLabel('Name of the service (optional)').fill('Haifa community mental health clinic');
    await form.getByRole('button', { name: 'Refer' }).click();
    const referral = page.getByTestId('referral').filter({ hasText: 'Haifa community mental health clinic' });
    await referral.getByText('Referred', { exact: true }).waitFor();
    await page.getByTestId('risk-status').filter({ hasText: 'Referred' }).waitFor();
    await shot(page, '63-coordinator-risk-referred');
    // Referred: the item has left the needs-attention list.
    await openNav(page, 'Needs attention', '/home');
    await page.getByTestId('attention-list').waitFor();
    await page.getByTestId('risk-alert').filter({ hasText: 'Amir Haddad' }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('risk-alerts').count()).toBe(0);
    await openNav(page, 'Signs of risk', '/risks');
    await page.getByTestId('risk-list').getByText('Referred', { exact: true }).first().waitFor();
    await shot(page, '66-coordinator-risk-list');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('the risk form and its guidance read right to left in Arabic on a phone', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'mentor');
    await chooseLanguage(page, 'العربية');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.goto('/report-risk');
    await page.getByRole('heading', { name: 'الإبلاغ عن علامة خطر' }).waitFor();
    await page.getByLabel('بخصوص').first().click();
    await page.getByRole('option', { name: 'Amir Haddad' }).click();
    await page.getByText('أزمة حادة', { exact: true }).click();
    await page.getByText('فورية', { exact: true }).click();
    await page
      .getByTestId('emergency-guidance')
      .getByText('إذا كانت هناك حياة في خطر الآن، اتصل برقم الطوارئ.')
      .waitFor();
    await shot(page, '64-mentor-risk-guidance-ar');
    expect(await overflowsSideways(page)).toBe(false);
    await chooseLanguage(page, 'English');
    await page.context().close();
  });
});
