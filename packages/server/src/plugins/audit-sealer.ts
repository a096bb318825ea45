import type { Db } from '@tandem/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SEAL_BATCH, sealAll, sealAudit } from '../audit/audit';

/**
 * Seals committed audit rows into their organisation's chain every
 * `intervalMs` (AUD-04; docs/decisions/012-audit-sealing.md). The rows
 * themselves are the durable record: a timer that dies with the process loses
 * nothing, because the next process (or `tandem audit verify`) seals what is
 * left. With several servers on one database the seal's advisory lock lets one
 * of them work at a time. 0 turns the timer off.
 */
async function auditSealerImpl(app: FastifyInstance, opts: { db: Db; intervalMs: number }) {
  const { db, intervalMs } = opts;
  if (intervalMs <= 0) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        while ((await sealAudit(db)) === SEAL_BATCH) {
          // A backlog: keep sealing until it is gone.
        }
      } catch (err) {
        app.log.error({ err }, 'sealing the audit trail failed; it is retried on the next tick');
      } finally {
        running = null;
      }
    })();
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
    try {
      await sealAll(db);
    } catch (err) {
      app.log.warn({ err }, 'audit rows left unsealed at shutdown; the next start seals them');
    }
  });
}

export const auditSealerPlugin = fp(auditSealerImpl, { name: 'audit-sealer' });
