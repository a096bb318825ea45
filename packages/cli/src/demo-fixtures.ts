/**
 * The loaded demo for the tests that check its promises: the real app on a
 * fresh database with the demo in it, its photos in the app's own file store,
 * and a way to act as a demo login in any of the five organisations.
 */
import type { Me } from '@tandem/contract';
import { programs } from '@tandem/db';
import { localFileStore } from '@tandem/server/files/store';
import { type Agent, type Harness, login, sessionCookie, startHarness } from '@tandem/server/testing/harness';
import { demoEmail, loadDemo } from './demo';

/** A Tuesday afternoon in Israel, Copenhagen and Riga. */
export const NOW = '2026-12-01T14:30:00Z';
export const PASSWORD = 'demo-password-for-test';

export type Program = typeof programs.$inferSelect;

export async function startDemo() {
  const h = await startHarness({ now: NOW });
  const db = h.handle.db;
  await loadDemo(db, PASSWORD, new Date(NOW), localFileStore(h.filesDir!));
  const byPreset = new Map<string, Program>();
  for (const p of await db.select().from(programs)) byPreset.set(p.presetId, p);
  return { h, db, byPreset };
}

/** Move a signed-in agent to another of its organisations (the session rotates). */
export async function switchTo(h: Harness, agent: Agent, orgId: string): Promise<Agent> {
  const res = await agent.post('/api/v1/auth/switch-org', { orgId });
  if (res.statusCode !== 200) throw new Error(`switch to ${orgId}: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res) ?? agent.cookie;
  const me = res.json() as Me;
  const inject: Agent['inject'] = (o) =>
    h.app.inject({ ...o, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(o.headers ?? {}) } });
  return {
    me,
    cookie,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, payload) => inject({ method: 'POST', url, payload: payload as never }),
    patch: (url, payload) => inject({ method: 'PATCH', url, payload: payload as never }),
    del: (url) => inject({ method: 'DELETE', url }),
  };
}

/** A demo login of a role, in the organisation of a program preset. */
export async function demoLogin(
  h: Harness,
  byPreset: ReadonlyMap<string, Program>,
  role: string,
  presetId: string,
): Promise<Agent> {
  const agent = await login(h, demoEmail(role), PASSWORD);
  const program = byPreset.get(presetId);
  if (!program) throw new Error(`no demo program ${presetId}`);
  return agent.me.orgId === program.orgId ? agent : switchTo(h, agent, program.orgId);
}
