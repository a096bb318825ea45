import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
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

describe('the mentor’s week on a phone', () => {
  it('MOH-3, MOH-7: this week’s contacts per mentee against the caps, the rhythm, previous and next week; Hebrew and Arabic right to left', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'mentor');
    await page.getByRole('button', { name: 'Menu' }).click();
    await openNav(page, 'My week', '/my-week');
    const amir = page.getByTestId('mentee-week').filter({ hasText: 'Amir Haddad' });
    await amir.waitFor();
    // The P1 caps, as the domain counts them: in-person hours, visits, video and phone hours.
    await amir
      .getByTestId('capHours')
      .getByText(/of 3$|of 3 ·/)
      .waitFor();
    await amir.getByTestId('capVisits').getByText(/of 2/).waitFor();
    await amir.getByTestId('capVirtual').waitFor();
    await page.getByTestId('mentee-week').filter({ hasText: 'Dana Mizrahi' }).waitFor();
    const thisWeek = await page.getByTestId('week-range').textContent();
    await shot(page, '60-mentor-my-week-phone');
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="week-range"]')?.textContent !== before,
      thisWeek,
    );
    await page.getByRole('button', { name: 'This week' }).waitFor();
    await amir.getByText(/In all:/).waitFor();
    await shot(page, '61-mentor-previous-week-phone');
    await page.getByRole('button', { name: 'This week' }).click();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="week-range"]')?.textContent === before,
      thisWeek,
    );

    await chooseLanguage(page, 'עברית');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'השבוע שלי' }).waitFor();
    await page.getByRole('button', { name: 'השבוע הקודם' }).waitFor();
    await shot(page, '62-mentor-my-week-he');
    expect(await overflowsSideways(page)).toBe(false);
    await chooseLanguage(page, 'العربية');
    await page.getByRole('heading', { name: 'أسبوعي' }).waitFor();
    await shot(page, '63-mentor-my-week-ar');
    expect(await overflowsSideways(page)).toBe(false);
    await chooseLanguage(page, 'English');
    await page.getByRole('heading', { name: 'My week' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
