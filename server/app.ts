/**
 * The `sla serve` application: a fastify instance with every route, the policy registry behind
 * them, metrics and the error handlers. Listening and signals are `lifecycle.ts`'s business, so
 * tests can build a server on a free port and close it.
 *
 * Bodies: JSON arrives as text (parsed by the routes with `runtime/json-text.ts`, whose errors
 * name a line and column, as the CLI's do); NDJSON arrives as the request stream itself, read a
 * batch at a time, so a batch of a million tickets is never held in memory.
 */
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { installErrorHandlers } from "./errors.js";
import { ServerMetrics } from "./metrics.js";
import { openApiDocument } from "./openapi.js";
import { PolicyRegistry, type RegistryLog } from "./registry.js";
import { checkRoutes } from "./routes/check.js";
import { diffRoutes } from "./routes/diff.js";
import { evaluateRoutes } from "./routes/evaluate.js";
import { playgroundRoutes } from "./routes/playground.js";
import { policyRoutes } from "./routes/policies.js";
import { reportRoutes } from "./routes/report.js";
import { settleRoutes } from "./routes/settle.js";
import { tryRoutes } from "./routes/try.js";

/** How a server is built; every limit has a default. */
export interface ServerOptions {
  /** The folder of `*.sla` files served. */
  readonly policiesDir: string;
  /** Largest JSON body, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Largest NDJSON body, bytes (default 1 GiB). */
  readonly batchLimit?: number;
  /** Time to receive a whole request, ms (default 60 s; 0 turns it off). */
  readonly requestTimeout?: number;
  /** Reload policies when their files change (default true). */
  readonly watch?: boolean;
  /** The built playground; `null` for none. */
  readonly playgroundDir: string | null;
  /** The version in the OpenAPI document. */
  readonly version: string;
  /** Log level of the JSON logs on stderr (default `info`); `silent` for none. */
  readonly logLevel?: string;
}

/** A built server and what it owns. */
export interface SlaServer {
  readonly app: FastifyInstance;
  readonly registry: PolicyRegistry;
  readonly metrics: ServerMetrics;
}

export function buildServer(options: ServerOptions): SlaServer {
  const app = Fastify({
    logger: { level: options.logLevel ?? "info", stream: process.stderr },
    // Requests are counted in /metrics; a log line each would cost more than the evaluation.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1 << 20,
    requestTimeout: options.requestTimeout ?? 60_000,
    // Keep-alive connections that sit idle are closed at shutdown; busy ones finish first.
    forceCloseConnections: "idle",
    return503OnClosing: true,
  });
  const log: RegistryLog = { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) };
  const registry = new PolicyRegistry(options.policiesDir, log);
  const metrics = new ServerMetrics();
  registry.onReload(() => {
    metrics.reloads.inc();
    const all = registry.list();
    metrics.policies.labels("ok").set(all.filter((e) => e.status === "ok").length);
    metrics.policies.labels("errors").set(all.filter((e) => e.status === "errors").length);
  });
  registry.reload();
  if (options.watch ?? true) registry.watch();
  app.addHook("onClose", async () => registry.close());

  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.addContentTypeParser("application/x-ndjson", (_request, payload, done) => done(null, payload));
  installErrorHandlers(app);
  metrics.install(app);

  policyRoutes(app, registry);
  evaluateRoutes(app, { registry, metrics, batchLimit: options.batchLimit ?? 1 << 30 });
  settleRoutes(app, registry);
  reportRoutes(app, registry);
  diffRoutes(app, registry);
  checkRoutes(app);
  tryRoutes(app);
  playgroundRoutes(app, options.playgroundDir);
  const openapi = JSON.stringify(openApiDocument(options.version));
  app.get("/openapi.json", async (_request, reply) => reply.type("application/json; charset=utf-8").send(openapi));
  app.get("/metrics", async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.text()));
  return { app, registry, metrics };
}
