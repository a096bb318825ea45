/**
 * REL-08: a high-severity risk alert is a durable record written with the
 * observation; the e-mail is delivered after the commit, once, even when the
 * server is closed right after the POST returns and restarted later.
 */
import { createServer } from 'node:net';
import { buildMentor, buildMentorship, buildParticipant, type DbHandle, riskAlerts } from '@tandem/db';
import { freshDb } from '@tandem/db/testing/fresh-db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { fixedClock } from '../../clock';
import { type Agent, type Harness, login, type Org, seedOrg, seedProgram } from '../../testing/harness';

interface Received {
  to: string[];
  body: string;
}
let handle: DbHandle;
let smtp: SMTPServer;
let smtpPort = 0;
const received: Received[] = [];
const clock = fixedClock('2026-03-04T08:00:00Z');
let org: Org;
let mentorshipId = '';
const apps: FastifyInstance[] = [];

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** A server process as `tandem start` builds it, with the given SMTP transport. */
async function serve(smtpUrl: string): Promise<Harness> {
  const app = await buildApp({ db: handle.db, clock, config: { secureCookies: true, smtpUrl } });
  await app.ready();
  apps.push(app);
  return { app, handle, clock, close: () => app.close() };
}

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const alertOf = async (observationId: string) =>
  (await handle.db.select().from(riskAlerts).where(eq(riskAlerts.observationId, observationId)))[0];

const observe = (agent: Agent, description: string) =>
  agent.post('/api/v1/risk-observations', {
    mentorshipId,
    indicators: ['self_harm_or_suicide_talk'],
    severity: 'high',
    description,
  });

beforeAll(async () => {
  handle = await freshDb();
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (d) => {
        body += d;
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((res) => smtp.listen(smtpPort, '127.0.0.1', () => res()));
  const seeding = await serve('');
  org = await seedOrg(seeding, 'Alpha');
  const program = (await seedProgram(seeding, org.id, 'il-social-mentorship')).id;
  const m = await buildMentor(handle.db, {
    orgId: org.id,
    programId: program,
    displayName: 'M',
    userId: org.users.mentor.id,
  });
  const p = await buildParticipant(handle.db, {
    orgId: org.id,
    programId: program,
    displayName: 'Noa Private',
  });
  mentorshipId = (
    await buildMentorship(handle.db, {
      orgId: org.id,
      programId: program,
      participantId: p.id,
      mentorId: m.id,
    })
  ).id;
  await seeding.close();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await new Promise<void>((res) => smtp.close(() => res()));
  await handle.close();
});

describe('REL-08: the coordinator alert survives the server and is delivered once', () => {
  it('REL-08: closed right after the POST, with the mail server down; after a restart the alert is there and sent once', async () => {
    // First process: the SMTP server it is configured with does not answer.
    const down = await serve(`smtp://127.0.0.1:${await freePort()}`);
    const mentor = await login(down, org.users.mentor.email);
    const res = await observe(mentor, 'Sentinel words that must never be e-mailed');
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    await down.close(); // right after the POST returned
    const afterCrash = await alertOf(id);
    expect(afterCrash).toMatchObject({ emailStatus: 'pending', alertRole: 'coordinator' });
    expect(received).toHaveLength(0);

    // Restarted with a working mail server: the pending alert is drained at start.
    const up = await serve(`smtp://127.0.0.1:${smtpPort}`);
    await until(async () => (await alertOf(id))?.emailStatus === 'sent', 'the alert to be sent');
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([org.users.coordinator.email]);
    expect(received[0]!.body).toContain('needs your attention now');
    // AUD-05: no name, no narrative in an e-mail.
    expect(received[0]!.body).not.toContain('Noa');
    expect(received[0]!.body).not.toContain('Sentinel');

    // The coordinator's in-app list shows it after the restart too.
    const coordinator = await login(up, org.users.coordinator.email);
    const items = (await coordinator.get('/api/v1/attention')).json().items as {
      subject: { riskId?: string };
      severity: string;
    }[];
    expect(items.find((i) => i.subject.riskId === id)?.severity).toBe('overdue');
    await up.close();
  });

  it('REL-08: two servers starting at once over the same pending alert deliver it once', async () => {
    const down = await serve(`smtp://127.0.0.1:${await freePort()}`);
    const mentor = await login(down, org.users.mentor.email);
    const id = (await observe(mentor, 'second')).json().id as string;
    await down.close();
    const before = received.length;
    const [one, two] = await Promise.all([
      serve(`smtp://127.0.0.1:${smtpPort}`),
      serve(`smtp://127.0.0.1:${smtpPort}`),
    ]);
    await until(async () => (await alertOf(id))?.emailStatus === 'sent', 'the alert to be sent');
    // A third alert through one of them proves both drains have gone past the second one.
    const third = (await observe(await login(one, org.users.mentor.email), 'third')).json().id as string;
    await until(async () => (await alertOf(third))?.emailStatus === 'sent', 'the third alert');
    expect(received.length - before).toBe(2);
    // One failed try while the mail server was down, one delivery.
    expect((await alertOf(id))?.emailAttempts).toBe(2);
    await one.close();
    await two.close();
  });

  it('without SMTP configured nothing is sent and the in-app item still shows', async () => {
    const local = await serve('');
    const before = received.length;
    const id = (await observe(await login(local, org.users.mentor.email), 'fourth')).json().id as string;
    expect((await alertOf(id))?.emailStatus).toBe('not_configured');
    const items = (await (await login(local, org.users.coordinator.email)).get('/api/v1/attention')).json()
      .items as {
      subject: { riskId?: string };
    }[];
    expect(items.some((i) => i.subject.riskId === id)).toBe(true);
    expect(received.length).toBe(before);
    await local.close();
  });
});
