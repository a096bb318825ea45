import { type Db, memberships, organisations, riskAlerts, riskObservations, users } from '@tandem/db';
import { LOCALES, type Locale } from '@tandem/domain';
import { CATALOGS, formatTemplate } from '@tandem/domain/messages/index';
import { localDate } from '@tandem/domain/time/index';
import { and, asc, eq, isNotNull, lt, notInArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Clock } from '../../clock';
import type { Config } from '../../config';

/** An e-mail on its way out; one per recipient, in their language. */
export interface AlertMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}
export type SendMail = (mail: AlertMail) => Promise<void>;

/** After this many failed attempts an alert is marked failed; the in-app item stays regardless. */
export const MAX_EMAIL_ATTEMPTS = 5;
/** The pending alerts are also looked at on this interval, in case a kick after commit was lost. */
const SWEEP_MS = 60_000;

export function smtpSender(url: string): SendMail {
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail(mail);
  };
}

const asLocale = (l: string): Locale => ((LOCALES as readonly string[]).includes(l) ? (l as Locale) : 'en');

/**
 * REL-08: the e-mail step of the durable risk alerts. The alert rows are the
 * record (written with the observation, in its transaction); this step only
 * drains the pending ones after a commit, at every start and on a slow sweep —
 * never an in-memory timer as the only record. Each alert is taken under a row
 * lock (SKIP LOCKED, so two server instances never take the same one), sent,
 * and marked sent in that same transaction: delivered once, even across a
 * crash and restart. A crash between the SMTP hand-off and the commit would
 * send it again — at least once is the honest promise of SMTP; twice is
 * better than never for a safety alert. The e-mail names no person and holds
 * no narrative (AUD-05): it only says that something needs attention now.
 */
export function alertOutbox(opts: {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
  send?: SendMail;
}) {
  const send = opts.send ?? (opts.config.smtpUrl ? smtpSender(opts.config.smtpUrl) : null);
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function drainOnce(): Promise<number> {
    if (!send) return 0;
    let sent = 0;
    const tried: string[] = [];
    for (;;) {
      const more = await opts.db.transaction(async (tx) => {
        const [next] = await tx
          .select({
            alert: riskAlerts,
            severity: riskObservations.severity,
            observedAt: riskObservations.observedAt,
            orgName: organisations.name,
          })
          .from(riskAlerts)
          .innerJoin(
            riskObservations,
            and(
              eq(riskObservations.orgId, riskAlerts.orgId),
              eq(riskObservations.id, riskAlerts.observationId),
            ),
          )
          .innerJoin(organisations, eq(organisations.id, riskAlerts.orgId))
          .where(
            and(
              eq(riskAlerts.emailStatus, 'pending'),
              lt(riskAlerts.emailAttempts, MAX_EMAIL_ATTEMPTS),
              ...(tried.length ? [notInArray(riskAlerts.id, tried)] : []),
            ),
          )
          .orderBy(asc(riskAlerts.raisedAt))
          .limit(1)
          .for('update', { of: riskAlerts, skipLocked: true });
        if (!next) return false;
        const a = next.alert;
        tried.push(a.id);
        const where = and(eq(riskAlerts.orgId, a.orgId), eq(riskAlerts.id, a.id));
        const recipients = await tx
          .select({ email: users.email, locale: users.locale })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.orgId, a.orgId),
              eq(memberships.role, a.alertRole),
              eq(memberships.disabled, false),
              eq(users.disabled, false),
              isNotNull(users.email),
            ),
          );
        if (recipients.length === 0) {
          await tx.update(riskAlerts).set({ emailStatus: 'no_recipient' }).where(where);
          return true;
        }
        try {
          for (const r of recipients) {
            const locale = asLocale(r.locale);
            const t = CATALOGS[locale].riskAlertEmail;
            await send({
              from: opts.config.mailFrom,
              to: r.email as string,
              subject: t.subject,
              text: formatTemplate(locale, t.body, {
                severity: next.severity,
                observedOn: localDate(next.observedAt, 'UTC'),
                organisation: next.orgName,
              }),
            });
          }
          await tx
            .update(riskAlerts)
            .set({
              emailStatus: 'sent',
              emailedAt: opts.clock.now(),
              emailAttempts: a.emailAttempts + 1,
              lastError: null,
            })
            .where(where);
          sent++;
        } catch (err) {
          const attempts = a.emailAttempts + 1;
          const code = (err as { code?: unknown }).code;
          await tx
            .update(riskAlerts)
            .set({
              emailAttempts: attempts,
              emailStatus: attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending',
              lastError: typeof code === 'string' ? code.slice(0, 40) : 'send_failed',
            })
            .where(where);
          opts.log.warn({ alertId: a.id, attempts }, 'risk alert e-mail failed');
        }
        return true;
      });
      if (!more) return sent;
    }
  }

  /** Drain now; a call while a drain runs queues one more pass, so nothing committed meanwhile is missed. */
  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drainOnce();
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    configured: send !== null,
    drain,
    /** After a commit: start draining, never fail the request that committed. */
    kick() {
      drain().catch((err) => opts.log.error({ err }, 'risk alert drain failed'));
    },
    start() {
      if (!send) return;
      this.kick();
      timer = setInterval(() => this.kick(), SWEEP_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => 0);
    },
  };
}
export type AlertOutbox = ReturnType<typeof alertOutbox>;
