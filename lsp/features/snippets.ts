/**
 * Snippets for the main blocks, filled with what the policy already declares: a target's goal
 * matrix gets one row per declared priority and one column per declared plan, so a new target
 * starts complete (SLA301 would otherwise ask for the missing rows at once).
 */
import { type CompletionItem, CompletionItemKind, InsertTextFormat } from "vscode-languageserver";

/** The names a snippet can use. */
export interface SnippetNames {
  readonly plans: readonly string[];
  readonly priorities: readonly string[];
  readonly roles: readonly string[];
  readonly targets: readonly string[];
  readonly calendars: readonly string[];
}

/** Numbers snippet tab stops in order of appearance. */
class Stops {
  private n = 0;
  /** `${n:default}`; defaults here are identifiers, durations and plain words, never `$`, `}` or `\`. */
  next(placeholder: string): string {
    this.n++;
    return `\${${this.n}:${placeholder}}`;
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[], indent: string): string {
  const line = (cells: readonly string[]) => `${indent}| ${cells.join(" | ")} |`;
  return [line(header), ...rows.map(line)].join("\n");
}

/** `goals { … }`: a row per declared priority, a column per declared plan, every cell a tab stop. */
function goalMatrix(names: SnippetNames, s: Stops, indent: string): string {
  const header = ["priority", ...(names.plans.length > 0 ? names.plans : ["goal"])];
  const priorities = names.priorities.length > 0 ? names.priorities : ["P1"];
  const rows = priorities.map((p) => [p, ...Array.from({ length: header.length - 1 }, () => s.next("best effort"))]);
  return [`${indent}goals {`, table(header, rows, `${indent}  `), `${indent}}`].join("\n");
}

function targetSnippet(names: SnippetNames): string {
  const s = new Stops();
  const head = `target ${s.next("response")} "${s.next("Response time")}" {`;
  return [head, "  start on open", "  pause on pause", "  resume on resume", "  stop on respond, resolve", goalMatrix(names, s, "  "), "}"].join("\n");
}

function escalationSnippet(names: SnippetNames): string {
  const s = new Stops();
  const forPlans = names.plans.length > 0 ? ` for ${s.next(names.plans[names.plans.length - 1]!)}` : "";
  const priority = names.priorities[0] ?? "P1";
  const row = [s.next(priority), s.next("4 business hours"), s.next(names.roles[0] ?? "support_team")];
  return [`escalation${forPlans} {`, "  start on open", "  stop on resolve", "  {", table(["priority", "after", "to"], [row], "    "), "  }", "}"].join("\n");
}

function creditsSnippet(names: SnippetNames): string {
  const s = new Stops();
  const forPlans = names.plans.length > 0 ? ` for ${s.next(names.plans.join(", "))}` : "";
  const target = `  target ${s.next(names.targets[0] ?? "response")}`;
  const rows = (names.priorities.length > 0 ? names.priorities : ["P1"]).map((p) => [p, s.next("0%")]);
  return [
    `credits${forPlans} {`,
    target,
    "  {",
    table(["priority", "credit"], rows, "    "),
    "  }",
    "  claim by end of next month",
    `  claim subject "${s.next("SLA Credit Request")}"`,
    "}",
  ].join("\n");
}

function calendarSnippet(): string {
  const s = new Stops();
  return [
    `calendar ${s.next("business_hours")} "${s.next("Business hours")}" {`,
    `  zone "${s.next("Europe/Rome")}"`,
    `  Mon-Fri ${s.next("09:00-18:00")}`,
    `  holidays "${s.next("IT")}"`,
    "}",
  ].join("\n");
}

function regionSnippet(names: SnippetNames): string {
  const s = new Stops();
  return [`region ${s.next("europe")} "${s.next("Europe")}" {`, `  calendar ${s.next(names.calendars[0] ?? "business_hours")}`, "}"].join("\n");
}

function feesSnippet(): string {
  const s = new Stops();
  const currency = s.next("EUR");
  return [
    "fees {",
    `  currency ${currency}`,
    `  rate ${s.next("130")} \${1} per hour`,
    `  invoice monthly, issued ${s.next("1")} day after period`,
    `  payment net ${s.next("30")} days`,
    "}",
  ].join("\n");
}

/** An uptime commitment as contracts state one: a share, maintenance excused, bands of credits. */
function availabilitySnippet(): string {
  const s = new Stops();
  const head = `availability ${s.next("uptime")} "${s.next("Monthly uptime")}" {`;
  const commit = s.next("99.9");
  return [
    head,
    `  commit ${commit}%`,
    "  over elapsed time",
    `  excuse scheduled announced ${s.next("48")} hours ahead, up to ${s.next("4")} hours per period`,
    "  credits {",
    "    | below | credit |",
    `    | ${commit}% | ${s.next("10")}% |`,
    "  }",
    "}",
  ].join("\n");
}

/** A share of tickets that must meet a declared target, for the most urgent declared priority. */
function objectiveSnippet(names: SnippetNames): string {
  const s = new Stops();
  return [
    `objective ${s.next("critical_resolution")} "${s.next("Critical tickets resolved in time")}" {`,
    `  ${s.next("95")}% of tickets meet ${s.next(names.targets[0] ?? "resolution")}`,
    `  for priority ${s.next(names.priorities[0] ?? "P1")}`,
    `  credit ${s.next("5")}%`,
    "}",
  ].join("\n");
}

function exampleSnippet(names: SnippetNames): string {
  const s = new Stops();
  return [
    `example "${s.next("a ticket answered in time")}" {`,
    `  ticket "${s.next("T-1")}"`,
    `  priority ${s.next(names.priorities[0] ?? "P1")}`,
    `  opened ${s.next("2026-03-02T09:00:00+01:00")}`,
    `  respond at ${s.next("2026-03-02T09:30:00+01:00")}`,
    `  expect ${s.next(names.targets[0] ?? "response")} met`,
    "}",
  ].join("\n");
}

/** Block snippets for the top level of a policy. */
export function blockSnippets(names: SnippetNames): CompletionItem[] {
  const make = (label: string, detail: string, body: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertText: body,
    insertTextFormat: InsertTextFormat.Snippet,
    // After the keywords in the list: typing `target` offers the keyword first, the block next.
    sortText: `~${label}`,
  });
  return [
    make("calendar block", "calendar with zone, hours and holidays", calendarSnippet()),
    make("region block", "region with its calendar", regionSnippet(names)),
    make("target block", "target with clock rules and a goal matrix of the declared priorities × plans", targetSnippet(names)),
    make("escalation block", "escalation matrix", escalationSnippet(names)),
    make("credits block", "service credits table", creditsSnippet(names)),
    make("availability block", "uptime commitment with excused maintenance and credit bands", availabilitySnippet()),
    make("objective block", "share of tickets that must meet a target, with its credit", objectiveSnippet(names)),
    make("fees block", "fees and invoicing", feesSnippet()),
    make("example block", "example case run by `sla test`", exampleSnippet(names)),
  ];
}

/** A snippet for the goal matrix inside a target (`goals { … }`). */
export function goalsSnippet(names: SnippetNames): CompletionItem {
  return {
    label: "goals block",
    kind: CompletionItemKind.Snippet,
    detail: "goal matrix of the declared priorities × plans",
    insertText: goalMatrix(names, new Stops(), ""),
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: "~goals",
  };
}
