/**
 * `sla`: one binary for people and CI (SPEC §4). Exit codes are decided here only:
 * 0 success, 1 errors in the input (diagnostics, failed examples, bad tickets), 2 usage.
 */
import { parseArgs } from "node:util";
import { type Io, UsageError } from "./io.js";

const USAGE = `usage: sla <command> [options]
       sla --version

commands:
  check FILES|DIRS...            parse and type-check policies       [--format text|json]
  eval POLICY TICKETS|-          evaluate tickets (JSON or NDJSON)   [--at INSTANT] [--explain] [--format json|svg]
                                 [--engine duckdb [--out RESULTS] [--years 2020-2030]]
  test FILES|DIRS...             run the example cases inside policies
  fmt FILES|DIRS...              format policies                     [--check | --write]
  compile POLICY                 print the compiled policy (IR) as JSON
                                 [--target sql [--dialect duckdb|postgres] [--years 2020-2030]]
  settle POLICY PERIOD.json      service credit and invoice for a period
  diff OLD NEW | --rev REV FILES what a policy change means          [--format text|json|markdown]
                                 [--at INSTANT] [--tickets T.ndjson] [--assert no-looser|no-stricter]
  report POLICY TICKETS|-        attainment and credits per month    [--at INSTANT] [--format text|json|markdown|html]
                                 [--period 2026-03|2026-Q1|2026 | --from DATE --to DATE]
  serve [POLICIES_DIR]           HTTP/JSON service and playground    [--port 8080] [--host 127.0.0.1]
  lsp                            start the language server on stdio
  demo                           check the shipped policies and evaluate the example tickets
`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    io.out(`${(await import("./version.js")).packageVersion()}\n`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", default: "text" },
        at: { type: "string" },
        explain: { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        write: { type: "boolean", default: false },
        stdio: { type: "boolean", default: false },
        rev: { type: "string" },
        tickets: { type: "string" },
        period: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        assert: { type: "string" },
        target: { type: "string" },
        dialect: { type: "string" },
        years: { type: "string" },
        engine: { type: "string" },
        out: { type: "string" },
        port: { type: "string", default: "8080" },
        host: { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const needs = (n: number, what: string) => {
      if (positionals.length < n) throw new UsageError(`\`sla ${command}\` needs ${what}`);
    };
    switch (command) {
      case "check":
        needs(1, "at least one file or directory");
        return (await import("./commands/check.js")).runCheck({ paths: positionals, format: values.format, io });
      case "compile":
        needs(1, "a policy file");
        return await (await import("./commands/compile.js")).runCompile({ path: positionals[0]!, target: values.target ?? null, dialect: values.dialect ?? null, years: values.years ?? null, io });
      case "eval":
        needs(2, "a policy and a ticket file (or `-` for standard input)");
        return await (await import("./commands/eval.js")).runEval({ policyPath: positionals[0]!, input: positionals[1]!, at: values.at ?? null, explain: values.explain, format: values.format, engine: values.engine ?? null, out: values.out ?? null, years: values.years ?? null, io });
      case "test":
        needs(1, "at least one file or directory");
        return await (await import("./commands/test.js")).runTest({ paths: positionals, io });
      case "fmt":
        needs(1, "at least one file or directory");
        if (values.check && values.write) throw new UsageError("`--check` and `--write` exclude each other");
        return await (await import("./commands/fmt.js")).runFmt({ paths: positionals, mode: values.check ? "check" : values.write ? "write" : "print", io });
      case "settle":
        needs(2, "a policy and a period file");
        return (await import("./commands/settle.js")).runSettle({ policyPath: positionals[0]!, periodPath: positionals[1]!, io });
      case "diff":
        return await (await import("./commands/diff.js")).runDiff({ paths: positionals, rev: values.rev ?? null, format: values.format, at: values.at ?? null, tickets: values.tickets ?? null, assert: values.assert ?? null, io });
      case "report":
        needs(2, "a policy and a ticket file (or `-` for standard input)");
        if (positionals.length > 2) throw new UsageError("too many arguments");
        return await (await import("./commands/report.js")).runReport({ policyPath: positionals[0]!, input: positionals[1]!, format: values.format, at: values.at ?? null, period: values.period ?? null, from: values.from ?? null, to: values.to ?? null, io });
      case "serve":
        if (positionals.length > 1) throw new UsageError("too many arguments");
        return await (await import("./commands/serve.js")).runServe({ dir: positionals[0] ?? "policies", port: values.port, host: values.host, io });
      case "lsp": {
        const { startServer } = await import("../lsp/server.js");
        startServer();
        return await new Promise<number>(() => {});
      }
      case "demo":
        return await (await import("./commands/demo.js")).runDemo({ io });
      default:
        throw new UsageError(command.startsWith("-") ? `unknown option \`${command}\`` : `unknown command \`${command}\``);
    }
  } catch (e) {
    const usage = e instanceof UsageError ? e.message : argumentError(e);
    if (usage !== null) {
      io.err(`sla: ${usage}\n\n${USAGE}`);
      return 2;
    }
    io.err(`sla: internal error: ${(e as Error).message}\nplease report this with the input that caused it\n`);
    return 70;
  }
}

/**
 * Our own words for node's argument-parser errors (its messages quote the option oddly and
 * suggest `--` in a way that does not apply to `sla`). Null when `e` is not one of them.
 */
export function argumentError(e: unknown): string | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS")) return null;
  const option = /'(-{1,2}[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option \`${option}\``;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test((e as Error).message) ? `option \`${option}\` needs a value` : `option \`${option}\` takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return "too many arguments";
    default:
      return "invalid arguments";
  }
}
