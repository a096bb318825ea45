/**
 * One load run against a running Tandem server, in a process of its own so the
 * load generator never shares an event loop with the server or the orchestrator.
 * Usage: load.ts <config.json>. Prints one JSON line with the figures on stdout.
 * Every request gets fresh parameters from a seeded generator (setupRequest).
 */
import { readFileSync } from 'node:fs';
import autocannon, { type Request } from 'autocannon';
import { idOf, mulberry32 } from './prng';

export type Scenario = 'log_contact' | 'participant_file' | 'weekly_report';

export interface LoadConfig {
  url: string;
  scenario: Scenario;
  connections: number;
  durationS: number;
  cookie: string;
  csrfToken: string;
  /** Participants (and their mentorships) are numbered 1…n. */
  participants: number;
  programId: string;
  seed: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationS: number;
}

const DAY_MS = 86_400_000;

function requestFor(cfg: LoadConfig): Request {
  const random = mulberry32(cfg.seed);
  const pick = (n: number) => 1 + Math.floor(random() * n);
  const cookie = { cookie: cfg.cookie };
  switch (cfg.scenario) {
    case 'log_contact': {
      // Messenger contacts count toward neither weekly cap, so the cap rule runs but never refuses.
      const ids = Array.from({ length: cfg.participants }, (_, k) => idOf('mentorship', k + 1));
      const now = Date.now();
      return {
        method: 'POST',
        path: '/api/v1/contacts',
        headers: { ...cookie, 'content-type': 'application/json', 'x-csrf-token': cfg.csrfToken },
        setupRequest: (req) => {
          const startsAt = new Date(now - pick(365) * DAY_MS + Math.floor(random() * 12) * 3_600_000);
          startsAt.setUTCMinutes(15 * Math.floor(random() * 4), 0, 0);
          req.body = JSON.stringify({
            mentorshipId: ids[pick(ids.length) - 1],
            startsAt: startsAt.toISOString(),
            durationMinutes: 15 + 5 * Math.floor(random() * 22),
            mode: 'messenger',
            domains: ['social_situations'],
            wellbeing: pick(5),
          });
          return req;
        },
      };
    }
    case 'participant_file': {
      const ids = Array.from({ length: cfg.participants }, (_, k) => idOf('participant', k + 1));
      return {
        method: 'GET',
        path: `/api/v1/participants/${ids[0]}`,
        headers: cookie,
        setupRequest: (req) => {
          req.path = `/api/v1/participants/${ids[pick(ids.length) - 1]}`;
          return req;
        },
      };
    }
    case 'weekly_report': {
      const now = Date.now();
      const day = () => new Date(now - pick(364) * DAY_MS).toISOString().slice(0, 10);
      const path = () => `/api/v1/reports/weekly-hours?programId=${cfg.programId}&week=${day()}`;
      return {
        method: 'GET',
        path: path(),
        headers: cookie,
        setupRequest: (req) => {
          req.path = path();
          return req;
        },
      };
    }
  }
}

export function runLoad(cfg: LoadConfig): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: cfg.url,
        connections: cfg.connections,
        duration: cfg.durationS,
        timeout: 10,
        requests: [requestFor(cfg)],
      },
      (err, r) => {
        if (err) return reject(err);
        const statusCodes: Record<string, number> = {};
        for (const [code, s] of Object.entries(r.statusCodeStats)) statusCodes[code] = s.count;
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p90: r.latency.p90,
          p99: r.latency.p99,
          max: r.latency.max,
          requests: r.requests.total,
          non2xx: r.non2xx,
          socketErrors: r.errors,
          timeouts: r.timeouts,
          statusCodes,
          durationS: r.duration,
        });
      },
    );
  });
}

const configPath = process.argv[2];
if (!configPath) {
  process.stderr.write('Usage: load.ts <config.json>\n');
  process.exit(2);
}
const cfg = JSON.parse(readFileSync(configPath, 'utf8')) as LoadConfig;
runLoad(cfg).then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (err: Error) => {
    process.stderr.write(`load: ${err.message}\n`);
    process.exit(1);
  },
);
