import { tmpdir } from 'node:os';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once, fails fast with every problem listed.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_BASE_URL: z.string().url().optional(),
  SHARED_DATA_DIR: z.string().min(1).default('../shared/data'),
  REPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Signed-in staff filing reports (phone intake, street reports): per user, not per address. */
  STAFF_REPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /** Absolute lifetime of a session (cookie or bearer token), from sign-in. */
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  /** A cookie session not used for this long ends (bearer tokens keep only their absolute lifetime). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** Failed sign-ins within SIGN_IN_FAILURE_WINDOW_MINUTES before 429: per account, and per address. */
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  SIGN_IN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Off: POST /api/v1/sessions refuses and staff sign in through OIDC only (needs OIDC_ISSUER). */
  PASSWORD_SIGN_IN_ENABLED: booleanString.default(true),
  /** OpenID Connect single sign-on (README, "Single sign-on"); off while OIDC_ISSUER is unset. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The claim (ID token or userinfo) whose values map to roles per municipality (oidc_role_mappings). */
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  /** Asked of the provider; add the scope that releases OIDC_ROLES_CLAIM if the provider needs one. */
  OIDC_SCOPES: z
    .string()
    .regex(/(^| )openid( |$)/, 'must include openid')
    .default('openid email profile'),
  /** Unset: PUBLIC_BASE_URL + /auth/oidc/callback. Register exactly this URL at the identity provider. */
  OIDC_REDIRECT_URL: z.string().url().optional(),
  /** The provider's name on the sign-in button ("Inloggen met …"). */
  OIDC_DISPLAY_NAME: z.string().min(1).default('SSO'),
  /** Development and tests only: allow an http:// issuer (the NL GOV profile demands https). */
  OIDC_ALLOW_INSECURE_HTTP: booleanString.default(false),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Unset: Secure exactly when PUBLIC_BASE_URL is https. */
  COOKIE_SECURE: booleanString.optional(),
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed (comma list of IPs/CIDRs, or 'true' for any).
   * Empty: the socket address counts, so a caller cannot spoof its IP past the rate limits.
   */
  TRUST_PROXY: z.string().default(''),
  PDOK_LOCATIESERVER_URL: z.string().url().default('https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
  PDOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  ADDRESS_SEARCH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(5_242_880),
  PHOTO_UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Upload requests handled at once by a process; more get 503 with Retry-After before their body is read. */
  PHOTO_UPLOADS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(16),
  /** Stored (re-encoded) photo bytes one address may add to reports per day through the public upload. */
  PHOTO_BYTES_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(10_000).default(60_000_000),
  /** Stored photo bytes of one report, all its photos together. */
  PHOTO_BYTES_PER_REPORT: z.coerce.number().int().min(10_000).default(20_000_000),
  /** Where uploads are spooled while they are checked (a file per part, removed after the request). */
  UPLOAD_SPOOL_DIR: z.string().min(1).default(tmpdir()),
  PUBLIC_REPORTS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  FOLLOW_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  PDOK_CBS_WFS_URL: z.string().url().default('https://service.pdok.nl/cbs/wijkenbuurten/2024/wfs/v1_0'),
  MAP_TILE_URL: z
    .string()
    .default('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z.string().default('Kaartgegevens © Kadaster'),
  UI_MUNICIPALITY_CODE: z
    .string()
    .regex(/^GM[0-9]{4}$/)
    .default('GM0392'),
  UI_MUNICIPALITY_NAME: z.string().min(1).default('Haarlem'),
  DEMO_PASSWORD: z.string().min(8).default('wijkpost-demo'),
  /** Background jobs (retention, src/jobs/) inside `serve`/`start`; off for a process that should only serve. */
  JOBS_ENABLED: booleanString.default(true),
  /** Unset: each job's own interval (60 minutes). */
  JOBS_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(10_080).optional(),
  /** How long a stored Idempotency-Key answer can be replayed before the purge job removes it. */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(48),
  /** Unset: GET /metrics answers 404. Set: it answers Prometheus scrapes that send `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** smtp:// or smtps:// with credentials. Unset: e-mails wait in the outbox (never dropped) and the admin view says mail is off. */
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//.test(url), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Wijkpost <noreply@wijkpost.invalid>'),
  /**
   * Signs the links in e-mails to reporters (feedback, answers, unsubscribe): HMAC-SHA256, no login. Required in
   * production and whenever PUBLIC_BASE_URL is https (a deployment); elsewhere a fixed development value, so links
   * made by a dev server are worthless anywhere else.
   */
  LINK_SIGNING_SECRET: z.string().min(32).optional(),
  /** First retry of a failed delivery after this many seconds, then doubling, at most an hour; failed after 3 days. */
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often `serve` looks for due messages. */
  OUTBOX_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
});

/** Single sign-on needs all of its settings at once, an https issuer (unless switched for tests) and a way in. */
function checkOidc(env: z.infer<typeof envSchema>, ctx: z.RefinementCtx) {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!env.OIDC_ISSUER) {
    if (!env.PASSWORD_SIGN_IN_ENABLED)
      problem('PASSWORD_SIGN_IN_ENABLED', 'false needs OIDC_ISSUER: nobody could sign in');
    return;
  }
  if (!env.OIDC_CLIENT_ID) problem('OIDC_CLIENT_ID', 'required with OIDC_ISSUER');
  if (!env.OIDC_CLIENT_SECRET) problem('OIDC_CLIENT_SECRET', 'required with OIDC_ISSUER');
  if (!env.OIDC_REDIRECT_URL && !env.PUBLIC_BASE_URL) {
    problem('OIDC_REDIRECT_URL', 'required with OIDC_ISSUER unless PUBLIC_BASE_URL is set');
  }
  if (!env.OIDC_ALLOW_INSECURE_HTTP && !env.OIDC_ISSUER.startsWith('https:')) {
    problem('OIDC_ISSUER', 'must be https (OIDC_ALLOW_INSECURE_HTTP=true only for a local test provider)');
  }
}

const DEV_LINK_SIGNING_SECRET = 'wijkpost-development-link-signing-secret-not-for-production';

const configSchema = envSchema
  .superRefine(checkOidc)
  .refine((env) => env.NODE_ENV !== 'production' || env.LINK_SIGNING_SECRET !== undefined, {
    path: ['LINK_SIGNING_SECRET'],
    message: 'is required when NODE_ENV=production (at least 32 characters)',
  })
  .refine((env) => env.LINK_SIGNING_SECRET !== undefined || !env.PUBLIC_BASE_URL?.startsWith('https:'), {
    path: ['LINK_SIGNING_SECRET'],
    message: 'is required when PUBLIC_BASE_URL is https (at least 32 characters)',
  })
  .transform((env) => ({
    ...env,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.PUBLIC_BASE_URL?.startsWith('https:') ?? false,
    LINK_SIGNING_SECRET: env.LINK_SIGNING_SECRET ?? DEV_LINK_SIGNING_SECRET,
    OIDC_REDIRECT_URL:
      env.OIDC_REDIRECT_URL ??
      (env.OIDC_ISSUER && env.PUBLIC_BASE_URL
        ? new URL('/auth/oidc/callback', env.PUBLIC_BASE_URL).toString()
        : undefined),
  }));

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

let cached: Config | undefined;

export function loadConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
