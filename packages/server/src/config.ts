/** Process configuration, read once from the environment. */
export interface Config {
  production: boolean;
  /** Cookies carry `Secure` and the `__Host-` prefix unless explicitly turned off for plain-HTTP LAN use. */
  secureCookies: boolean;
  /** API-07: in production the API docs need a signed-in admin unless published on purpose. */
  publicDocs: boolean;
  /** Where the built web app lives; served from the same port when present. */
  webDist: string | null;
  /** Origins allowed to make state-changing requests besides our own host. */
  trustedOrigins: string[];
  /** REL-08: SMTP transport for safety alerts (smtp://user:pass@host:587); none = in-app only. */
  smtpUrl: string | null;
  /** Sender of alert e-mails. */
  mailFrom: string;
  /** AUD-04: how often committed audit rows are sealed into their chain, in ms; 0 = only at shutdown and by `tandem audit verify`. */
  auditSealMs: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    production,
    secureCookies: env.TANDEM_INSECURE_COOKIES !== '1',
    publicDocs: env.TANDEM_PUBLIC_DOCS === '1' || !production,
    webDist: env.TANDEM_WEB_DIST ?? null,
    trustedOrigins: (env.TANDEM_TRUSTED_ORIGINS ?? '').split(',').filter(Boolean),
    smtpUrl: env.TANDEM_SMTP_URL || null,
    mailFrom: env.TANDEM_MAIL_FROM || 'Tandem <no-reply@tandem.invalid>',
    auditSealMs: Number(env.TANDEM_AUDIT_SEAL_MS ?? 250),
  };
}
