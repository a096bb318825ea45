import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
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
let codes: string[] = [];
const TASK = 'طبخ عشاء صحي';

/** A photo as a phone camera would send it: a JPEG with the place it was taken in its EXIF. */
const cameraPhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#d98b3a' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="800" height="600"><circle cx="400" cy="300" r="180" fill="#f4e1b5"/><circle cx="400" cy="300" r="120" fill="#b5542c"/></svg>',
        ),
      },
    ])
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 49/1 0/1' } })
    .toBuffer();

async function participantFile(page: Page, navName: string, path: string, name: string) {
  await openNav(page, navName, path);
  await page.getByRole('link', { name }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/participants/'));
}

describe('between meetings: the participant portal in Arabic on a phone', () => {
  it('the coordinator prints Amir a sheet of one-time codes in Arabic, right to left', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    await participantFile(page, 'Participants', '/participants', 'Amir Haddad');
    const panel = page.getByTestId('portal-invite');
    // Amir already has a demo login; a sheet gives him a sign-in name and codes besides.
    await panel.getByText('Invited', { exact: true }).waitFor();
    await panel.getByLabel('Language of the sheet').click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await panel.getByRole('button', { name: 'Print new codes' }).click();
    const sheet = page.getByTestId('code-sheet');
    await sheet.waitFor();
    expect(await sheet.getAttribute('dir')).toBe('rtl');
    await sheet.getByText('مرحبًا Amir Haddad،').waitFor();
    codes = (await sheet.getByTestId('sheet-code').allInnerTexts()).map((c) => c.trim());
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(c).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    await panel.getByTestId('portal-status').getByText('3 unused codes').waitFor();
    await sheet.scrollIntoViewIfNeeded();
    await shot(page, '60-coordinator-code-sheet-ar');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('SIVA-3: the mentor agrees a task with a due date on Amir’s file', async () => {
    const page = await newPage(browser());
    await login(page, 'mentor');
    await participantFile(page, 'My caseload', '/caseload', 'Amir Haddad');
    const panel = page.getByTestId('tasks-panel');
    await panel.getByLabel('New task').fill(TASK);
    await panel.getByRole('button', { name: 'Add task' }).click();
    await panel.getByTestId('mentor-task').filter({ hasText: TASK }).waitFor();
    await page.context().close();
  });

  it('SIVA-2, SIVA-4: Amir signs in with the code on his phone, checks in and sends a photo of the task', async () => {
    const page = await newPage(browser(), PHONE, 'ar');
    await page.goto('/');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByText('رمز من ورقتي').click();
    await page.locator('input[autocomplete="one-time-code"]').fill(codes[0]!.toLowerCase());
    await shot(page, '61-participant-code-login-ar-phone');
    await page.locator('form button[type="submit"]').click();
    const checkIn = page.getByTestId('check-in');
    await checkIn.waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await page.getByText('مرحبًا، Amir Haddad').waitFor();
    await shot(page, '62-portal-ar-phone');
    expect(await overflowsSideways(page)).toBe(false);

    await checkIn.getByRole('radio', { name: 'جيد', exact: true }).click();
    await checkIn.getByLabel('هل تريد أن تضيف شيئًا؟ (يمكنك تركه فارغًا)').fill('نمت جيدًا');
    await checkIn.getByRole('button', { name: 'حفظ' }).click();
    await checkIn.getByTestId('checked-in').getByText('شكرًا لك. شعورك اليوم: جيد.').waitFor();

    const task = page.getByTestId('task').filter({ hasText: TASK });
    await task.locator('input[type="file"]').setInputFiles({
      name: 'dinner.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraPhoto(),
    });
    const thumb = task.getByRole('img', { name: 'dinner.jpg' });
    await thumb.waitFor();
    await expect
      .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await task.getByRole('button', { name: 'أنجزتها' }).click();
    await task.getByLabel('كيف كانت؟ (يمكنك تركه فارغًا)').fill('طبخت العدس مع أختي');
    await task.getByRole('button', { name: 'تعليم كمنجزة' }).click();
    await page.getByTestId('task').filter({ hasText: TASK }).getByText('تمّت').waitFor();
    await task.scrollIntoViewIfNeeded();
    await shot(page, '63-task-photo-done-ar-phone');
    expect(await overflowsSideways(page)).toBe(false);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('SIVA-4: the mentor sees the photo and praises it; Amir sees the praise', async () => {
    const mentor = await newPage(browser());
    await login(mentor, 'mentor');
    await participantFile(mentor, 'My caseload', '/caseload', 'Amir Haddad');
    const item = mentor.getByTestId('mentor-task').filter({ hasText: TASK });
    await item.getByText('طبخت العدس مع أختي').waitFor();
    const thumb = item.getByRole('img', { name: 'dinner.jpg' });
    await expect
      .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await item.getByPlaceholder('Feedback').fill('أحسنت يا أمير!');
    await item.getByRole('button', { name: 'Praise' }).click();
    await item.getByTestId('feedback').getByText('أحسنت يا أمير!').waitFor();
    await item.scrollIntoViewIfNeeded();
    await shot(mentor, '64-mentor-sees-photo-and-praises');
    expect(pageProblems(mentor)).toEqual([]);
    await mentor.context().close();

    const participant = await newPage(browser(), PHONE, 'ar');
    await participant.goto('/');
    await participant.getByText('رمز من ورقتي').click();
    const field = participant.locator('input[autocomplete="one-time-code"]');
    const submit = participant.locator('form button[type="submit"]');
    // A code works once: the first one is spent, the second on the sheet opens the page.
    await field.fill(codes[0]!);
    await submit.click();
    await participant.getByRole('alert').getByText('هذا الرمز لا يعمل.', { exact: false }).waitFor();
    await field.fill(codes[1]!);
    await submit.click();
    const praise = participant.getByTestId('task').filter({ hasText: TASK }).getByTestId('praise');
    await praise.getByText('أحسنت يا أمير!').waitFor();
    await praise.scrollIntoViewIfNeeded();
    await shot(participant, '65-praise-seen-ar-phone');
    expect(pageProblems(participant)).toEqual([]);
    await participant.context().close();
  });
});
