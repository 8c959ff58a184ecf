/**
 * GET /metrics in the Prometheus text format (prom-client). The HTTP adapter owns the registry: the domain never
 * imports prom-client; it is observed through Fastify hooks (requests, intake) and read on scrape (open reports).
 * Off unless METRICS_TOKEN is set (404), and then only with `Authorization: Bearer <token>` (401 otherwise).
 * Labels carry no personal data: route patterns (never the URL), status codes, sources, rule names, kinds.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { bearerMatches } from './backup.ts';
import type { App, AppDeps } from './deps.ts';
import { outboxBacklog, outboxChannels } from '../domain/outbox/index.ts';
import { sendProblem } from './problem.ts';

const INTAKE_ROUTE = '/api/v1/reports';
/** Open311 clients file reports here (`requests.json` / `requests.xml`): the same intake, counted as source open311. */
const OPEN311_INTAKE_ROUTE = /^\/open311\/v2\/requests\.(json|xml)$/;
const isIntake = (method: string, route: string | undefined) =>
  method === 'POST' && route !== undefined && (route === INTAKE_ROUTE || OPEN311_INTAKE_ROUTE.test(route));
const intakeSources = new Set(['web', 'phone', 'street', 'email', 'partner', 'open311']);

/** Process-wide: job runs (src/jobs reports through recordJobRun) and the process's own figures. */
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'wijkpost_' });
const jobRuns = new Counter({
  name: 'wijkpost_job_runs_total',
  help: 'Job runs by job name and outcome (ok, failed, skipped)',
  labelNames: ['job', 'outcome'] as const,
  registers: [processRegistry],
});

/** For the jobs module: one call per run. `job` is the job's name, never data it touched. */
export function recordJobRun(job: string, outcome: 'ok' | 'failed' | 'skipped'): void {
  jobRuns.inc({ job, outcome });
}

export interface AppMetrics {
  registry: Registry;
}

function createAppMetrics(deps: AppDeps) {
  const registry = new Registry();
  const httpRequests = new Counter({
    name: 'wijkpost_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const intakeDuration = new Histogram({
    name: 'wijkpost_intake_duration_seconds',
    help: 'Duration of POST /api/v1/reports, every outcome',
    labelNames: ['status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const reportsCreated = new Counter({
    name: 'wijkpost_reports_created_total',
    help: 'Reports created through POST /api/v1/reports by source (idempotent replays not counted)',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const routingDecisions = new Counter({
    name: 'wijkpost_routing_decisions_total',
    help: 'Routing decisions at intake by the rule that decided (rule:<name>, coordinator-queue, ...)',
    labelNames: ['rule'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'wijkpost_open_reports',
    help: 'Reports not resolved or cancelled, by the kind of their holder (officer, team, partner, queue)',
    labelNames: ['holder_kind'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await deps.db.query<{ kind: string; n: string | number }>(
        `SELECT assignee_kind AS kind, count(*) AS n FROM reports
          WHERE status NOT IN ('resolved', 'cancelled') GROUP BY assignee_kind`,
      );
      this.reset();
      for (const kind of ['officer', 'team', 'partner', 'queue']) this.set({ holder_kind: kind }, 0);
      for (const row of rows) this.set({ holder_kind: row.kind }, Number(row.n));
    },
  });
  new Gauge({
    name: 'wijkpost_outbox_messages',
    help: 'Outbox messages waiting (pending) or given up (failed), by channel; sent ones are not counted',
    labelNames: ['channel', 'status'] as const,
    registers: [registry],
    async collect() {
      const rows = await outboxBacklog(deps);
      this.reset();
      for (const channel of outboxChannels)
        for (const status of ['pending', 'failed']) this.set({ channel, status }, 0);
      for (const row of rows) this.set({ channel: row.channel, status: row.status }, row.n);
    },
  });
  new Gauge({
    name: 'wijkpost_outbox_oldest_pending_seconds',
    help: 'Age of the oldest pending outbox message (0 when none): a stuck mail server shows here first',
    registers: [registry],
    async collect() {
      const rows = await outboxBacklog(deps);
      const oldest = rows.filter((r) => r.status === 'pending' && r.oldest).map((r) => r.oldest!.getTime());
      this.set(oldest.length ? Math.max(0, (deps.clock.now().getTime() - Math.min(...oldest)) / 1000) : 0);
    },
  });
  return { registry, httpRequests, intakeDuration, reportsCreated, routingDecisions };
}

function routingRuleOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const rule = (JSON.parse(payload) as { routing?: { rule?: unknown } }).routing?.rule;
    return typeof rule === 'string' ? rule : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the hooks always (cheap) and the /metrics route only when METRICS_TOKEN is set. */
export function registerMetrics(app: App, deps: AppDeps): void {
  const token = deps.config.METRICS_TOKEN;
  if (!token) return;
  const m = createAppMetrics(deps);

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isIntake(request.method, request.routeOptions.url)) return payload;
    if (reply.statusCode !== 201 || reply.getHeader('idempotent-replayed')) return payload;
    const source =
      request.routeOptions.url === INTAKE_ROUTE
        ? ((request.body as { source?: unknown } | null)?.source ?? 'web')
        : 'open311';
    m.reportsCreated.inc({ source: typeof source === 'string' && intakeSources.has(source) ? source : 'other' });
    const rule = routingRuleOf(payload);
    if (rule) m.routingDecisions.inc({ rule });
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    m.httpRequests.inc({ method: request.method, route, status });
    if (isIntake(request.method, route)) m.intakeDuration.observe({ status }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, request, {
        status: 401,
        title: 'Unauthorized',
        detail: 'The metrics token is missing or wrong.',
      });
    }
    const merged = Registry.merge([m.registry, processRegistry]);
    reply.header('Content-Type', merged.contentType);
    reply.header('Cache-Control', 'no-store');
    return merged.metrics();
  });
}
