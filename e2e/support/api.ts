import type { Page } from 'playwright-core';

/** A call to the API as the signed-in user, with the session's CSRF token (AUTH-09). */
export async function call<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-csrf-token': me.csrfToken,
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, path, body, headers },
  );
}

/** A lifecycle action on a mentorship at its current version (If-Match, REL-03). */
export async function act(page: Page, id: string, action: string, body?: unknown) {
  const current = await call<{ version: number }>(page, 'GET', `/api/v1/mentorships/${id}`);
  return call(page, 'POST', `/api/v1/mentorships/${id}/${action}`, body, {
    'if-match': `"${current.version}"`,
  });
}

/** The demo's Israeli social mentorship program (P1), where the coordinator works. */
export async function socialMentorship(page: Page) {
  const programs = await call<{ items: { id: string; presetId: string }[] }>(page, 'GET', '/api/v1/programs');
  return programs.items.find((p) => p.presetId === 'il-social-mentorship')!.id;
}
