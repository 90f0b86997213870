/**
 * Completion over the protocol inside availability and objective blocks, of the credit rules, of
 * conditions joined by `and`, and of the clauses the keyword audit (keyword-audit.test.ts) found
 * without completion; hover on the words it found unexplained.
 */
import { describe, expect, it } from "vitest";
import type { CompletionItem, MarkupContent } from "vscode-languageserver-protocol";
import { serverForFile } from "./client.js";
import { marked } from "./markers.js";

const server = serverForFile();
let n = 0;

const POLICY = `policy acme "ACME"
priority P1 "Critical"
priority P2 "High"
plan basic "Basic"
plan gold "Gold"
cause force_majeure "force majeure"
cause customer "the customer's doing"
field product "Product" { x "Product X"  y "Product Y" }
calendar office "Office" { zone "UTC" Mon-Fri 09:00-17:00 }
calendar window "Maintenance window" { zone "UTC" Sat 02:00-04:00 }
target resolution "Resolution" {
  start on open
  stop on resolve
  goals {
    | priority | goal    |
    | P1       | 4 hours |
    | P2       | 8 hours |
  }
}
availability platform "Monthly uptime" {
  commit 99.9%
}
objective critical_fix "Critical fixes" {
  95% of tickets meet resolution
}
`;

async function items(fixture: string): Promise<CompletionItem[]> {
  const { text, position } = marked(`${POLICY}${fixture}`);
  const uri = `file:///test/completion-commitments-${n++}.sla`;
  await server().open(uri, text);
  const result = await server().completion(uri, position);
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = async (fixture: string): Promise<string[]> => (await items(fixture)).map((i) => i.label);

/** The hover's markdown at the cursor of the fixture, appended to the policy. */
async function hover(fixture: string): Promise<string> {
  const { text, position } = marked(`${POLICY}${fixture}`);
  const uri = `file:///test/completion-commitments-hover-${n++}.sla`;
  await server().open(uri, text);
  return ((await server().hover(uri, position))?.contents as MarkupContent | undefined)?.value ?? "";
}
/** An availability block holding `lines`, the cursor in it. */
const inAvailability = (lines: string) => `availability uptime {\n  ${lines}\n}\n`;
const inObjective = (lines: string) => `objective o {\n  ${lines}\n}\n`;
const inCredits = (lines: string) => `credits {\n  ${lines}\n}\n`;

describe("completion in an availability block", () => {
  it("offers its clauses on an empty line, and the bands snippet", async () => {
    expect(await labels(inAvailability("<|>"))).toEqual([
      "commit",
      "component",
      "over elapsed time",
      "over calendar",
      "excuse scheduled",
      "excuse cause",
      "shown to",
      "credit",
      "credits",
      "credits block",
    ]);
    const bands = (await items(inAvailability("<|>"))).find((i) => i.label === "credits block")!;
    expect(bands.insertText ?? (bands.textEdit as { newText: string }).newText).toContain("| below | credit |");
  });

  it("does not offer again the clauses written once, above or below the cursor, nor a second credit rule", async () => {
    const block = "availability uptime {\n  commit 99.9%\n  <|>\n  shown to 2 decimals\n  credit 10 × downtime fee\n}\n";
    expect(await labels(block)).toEqual(["component", "over elapsed time", "over calendar", "excuse scheduled", "excuse cause"]);
    const banded = "availability uptime {\n  <|>\n  credits {\n    | below | credit |\n    | 99% | 10% |\n  }\n}\n";
    expect(await labels(banded)).toEqual(["commit", "component", "over elapsed time", "over calendar", "excuse scheduled", "excuse cause", "shown to"]);
  });

  it("offers a commitment's window: `per`, its units, a fiscal start", async () => {
    expect(await labels(inAvailability("commit 99.9% <|>"))).toEqual(["per"]);
    expect(await labels(inAvailability("commit 99.9% per <|>"))).toEqual(["month", "quarter", "year", "quarter starting", "year starting"]);
    expect(await labels(inAvailability("commit 99.9% per quarter <|>"))).toEqual(["starting"]);
    expect(await labels(inAvailability("commit 99.9% per quarter starting <|>"))).toContain("Apr");
  });

  it("offers a credit as a multiple of the downtime fee, or a percentage per step of downtime", async () => {
    expect(await labels(inAvailability("credit 10 <|>"))).toEqual(["× downtime fee"]);
    expect(await labels(inAvailability("credit 10 × <|>"))).toEqual(["downtime fee"]);
    expect(await labels(inAvailability("credit 10 × downtime <|>"))).toEqual(["fee"]);
    expect(await labels(inAvailability("credit 5% <|>"))).toEqual(["per started", "per"]);
    expect(await labels(inAvailability("credit 5% per started <|>"))).toEqual(["minute", "hour", "day"]);
    expect(await labels(inAvailability("credit 5% per started 30 <|>"))).toEqual(["minutes", "hours", "days"]);
    expect(await labels(inAvailability("credit 5% per started 30 minutes, <|>"))).toEqual(["up to"]);
  });

  it("offers what availability is measured over, with the calendars", async () => {
    expect(await labels(inAvailability("over <|>"))).toEqual(["elapsed time", "calendar"]);
    expect(await labels(inAvailability("over elapsed <|>"))).toEqual(["time"]);
    expect(await labels(inAvailability("over calendar <|>"))).toEqual(["office", "window"]);
  });

  it("offers excuses word by word: causes, the maintenance window, the notice and the limits", async () => {
    expect(await labels(inAvailability("excuse <|>"))).toEqual(["scheduled", "cause"]);
    expect(await labels(inAvailability("excuse cause <|>"))).toEqual(["force_majeure", "customer"]);
    expect(await labels(inAvailability("excuse cause force_majeure, <|>"))).toEqual(["customer"]);
    expect(await labels(inAvailability("excuse scheduled <|>"))).toEqual(["within calendar", "announced"]);
    expect(await labels(inAvailability("excuse scheduled within calendar <|>"))).toEqual(["office", "window"]);
    expect(await labels(inAvailability("excuse scheduled within calendar window <|>"))).toEqual(["announced"]);
    // elapsed time only: `business` there is SLA304
    expect(await labels(inAvailability("excuse scheduled announced 48 <|>"))).toEqual(["minutes", "hours", "days", "weeks"]);
    expect(await labels(inAvailability("excuse scheduled announced 48 hours <|>"))).toEqual(["ahead"]);
    expect(await labels(inAvailability("excuse scheduled announced 48 hours ahead, <|>"))).toEqual(["up to"]);
    expect(await labels(inAvailability("excuse scheduled announced 48 hours ahead, up <|>"))).toEqual(["to"]);
    expect(await labels(inAvailability("excuse scheduled announced 48 hours ahead, up to 4 hours <|>"))).toEqual(["per period", "each"]);
    expect(await labels(inAvailability("excuse scheduled, up to 1 <|>"))).toEqual(["minute", "hour", "day", "week"]);
  });

  it("offers `to … decimals` and the band table's header words", async () => {
    expect(await labels(inAvailability("shown <|>"))).toEqual(["to"]);
    expect(await labels(inAvailability("shown to 3 <|>"))).toEqual(["decimals"]);
    expect(await labels(inAvailability("credits {\n    | <|>\n  }"))).toEqual(["below"]);
    expect(await labels(inAvailability("credits {\n    | below | <|>\n  }"))).toEqual(["credit"]);
  });

  it("offers `for` and the plans on the availability's own line", async () => {
    expect(await labels("availability uptime <|>")).toEqual(["for"]);
    expect(await labels('availability uptime "Uptime" <|>')).toEqual(["for"]);
    expect(await labels("availability uptime for <|>")).toEqual(["basic", "gold"]);
  });
});

describe("completion in an objective", () => {
  it("offers the share snippet and the clauses not yet written", async () => {
    expect(await labels(inObjective("<|>"))).toEqual(["of tickets meet", "for", "credit", "shown to"]);
    expect(await labels("objective o {\n  95% of tickets meet resolution\n  credit 5%\n  <|>\n}\n")).toEqual(["for", "shown to"]);
  });

  it("offers the share's words, then the targets", async () => {
    expect(await labels(inObjective("95% <|>"))).toEqual(["of tickets meet"]);
    expect(await labels(inObjective("95% of <|>"))).toEqual(["tickets meet"]);
    expect(await labels(inObjective("95% of tickets meet <|>"))).toEqual(["resolution"]);
  });

  it("offers one condition after `for`, without `and`", async () => {
    expect(await labels(inObjective("for <|>"))).toEqual(["basic", "gold", "product", "priority", "cause", "channel"]);
    expect(await labels(inObjective("for priority <|>"))).toEqual(["P1", "P2"]);
    expect(await labels(inObjective("for product <|>"))).toEqual(["x", "y"]);
    expect(await labels(inObjective("for priority P1 <|>"))).toEqual([]);
  });
});

describe("completion of credit rules, conditions, examples, calendars and fees", () => {
  it("offers the credit rules and their words in a credits block", async () => {
    expect(await labels(inCredits("<|>"))).toEqual(expect.arrayContaining(["sum per breach", "amount", "above", "ineligible account", "credit per started hour late", "credit on next invoice", "no claim for"]));
    expect(await labels(inCredits("sum <|>"))).toEqual(["per breach"]);
    expect(await labels(inCredits("amount 500 EUR <|>"))).toEqual(["per breach"]);
    expect(await labels(inCredits("above 4 <|>"))).toEqual(["breaches"]);
    expect(await labels(inCredits("above 1 <|>"))).toEqual(["breach"]);
    expect(await labels(inCredits("ineligible account <|>"))).toEqual(["overdue", "suspended"]);
    expect(await labels(inCredits("ineligible account overdue, <|>"))).toEqual(["suspended"]);
    expect(await labels(inCredits("claim within 30 <|>"))).toEqual(["days after"]);
    expect(await labels(inCredits("cap 50% <|>"))).toEqual(["per target"]);
    expect(await labels(inCredits("credit <|>"))).toEqual(["per started hour late", "per", "on next invoice"]);
    expect(await labels(inCredits("credit on <|>"))).toEqual(["next invoice"]);
    expect(await labels(inCredits("credit on next <|>"))).toEqual(["invoice"]);
    expect(await labels(inCredits("credit per started hour <|>"))).toEqual(["late"]);
    expect(await labels(inCredits("no <|>"))).toEqual(["claim for"]);
    expect(await labels(inCredits("no claim for <|>"))).toEqual(["basic", "gold"]);
    expect(await labels(inCredits("no claim for gold, <|>"))).toEqual(["basic"]);
  });

  it("offers `and` after a whole condition, and a field's values after its name", async () => {
    expect(await labels("region r {\n  calendar office for gold <|>\n}\n")).toEqual(["and"]);
    expect(await labels("region r {\n  calendar office for priority P1 and product <|>\n}\n")).toEqual(["x", "y"]);
    expect(await labels("target t {\n  goals for product x <|>\n}\n")).toEqual(["and"]);
    expect(await labels("priority at most P2 for cause <|>")).toEqual(["force_majeure", "customer"]);
    expect(await labels("exclude product <|>")).toEqual(["x", "y"]);
    expect(await labels(inCredits("ineligible product <|>"))).toEqual(["x", "y"]);
  });

  it("offers the expectations of availabilities and objectives in examples", async () => {
    expect(await labels('example "e" {\n  expect <|>\n}\n')).toEqual(expect.arrayContaining(["availability", "objective"]));
    expect(await labels('example "e" {\n  expect availability <|>\n}\n')).toEqual(["platform"]);
    expect(await labels('example "e" {\n  expect objective <|>\n}\n')).toEqual(["critical_fix"]);
    expect(await labels('example "e" {\n  expect objective critical_fix <|>\n}\n')).toEqual(["met", "missed"]);
    expect(await labels('example "e" {\n  expect resolution breached 2 <|>\n}\n')).toEqual(["breaches"]);
  });

  it("offers where a weekend date is kept, word by word, and its weekdays", async () => {
    const holiday = (rest: string) => `calendar c {\n  holiday "Independence Day" Jul 4 observed ${rest}\n}\n`;
    expect(await labels(holiday("next <|>"))).toEqual(["weekday", "free weekday"]);
    expect(await labels(holiday("next weekday <|>"))).toEqual(["when on"]);
    expect(await labels(holiday("next weekday when on <|>"))).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
  });

  it("offers invoice dates, late charges, package limits and singular units after 1", async () => {
    const inFees = (line: string) => `fees {\n  currency EUR\n  ${line}\n}\n`;
    expect(await labels(inFees("invoice <|>"))).toEqual(["monthly", "quarterly", "yearly"]);
    expect(await labels(inFees("invoice monthly, <|>"))).toEqual(["issued"]);
    expect(await labels(inFees("invoice monthly, issued 1 <|>"))).toEqual(["day", "week", "month"]);
    expect(await labels(inFees("invoice monthly, issued 1 day <|>"))).toEqual(["after period"]);
    expect(await labels(inFees("invoice monthly, issued on day 10 <|>"))).toEqual(["of next month"]);
    expect(await labels(inFees("late charge 1.5% <|>"))).toEqual(["per started month"]);
    expect(await labels(inFees("package p 100 EUR {\n    buy within 2 <|>\n  }"))).toEqual(["days", "weeks", "months"]);
    expect(await labels(inFees("package p 100 EUR {\n    expires 3 months <|>\n  }"))).toEqual(["after"]);
    expect(await labels("target t {\n  goals {\n    | priority | goal |\n    | P1 | 1 <|>\n  }\n}\n")).toEqual(["business", "minute", "hour", "day", "week", "support days"]);
  });
});

describe("hover on the words the audit found unexplained", () => {
  it("explains ×, weekdays, months, units and the connecting words", async () => {
    expect(await hover("availability a {\n  commit 99%\n  credit 10 <|>× downtime fee\n}\n")).toContain("multiple of the fee paid for the downtime");
    expect(await hover("calendar c {\n  zone \"UTC\"\n  T<|>ue 09:00-17:00\n}\n")).toContain("Tuesday");
    expect(await hover("period quarter starting A<|>pr 1\n")).toContain("April");
    expect(await hover("fees {\n  late charge 1.5% per started mo<|>nth\n}\n")).toContain("unit of durations");
    expect(await hover("credits {\n  claim wi<|>thin 30 days after period\n}\n")).toContain("a time limit");
  });
});

describe("completion of a credits table graded by lateness (`| after | credit |`)", () => {
  const table = (rows: string) => `credits {\n  target resolution\n  {\n    ${rows}\n  }\n}\n`;

  it("offers `after` beside the key headers, then `credit`", async () => {
    expect(await labels(table("| <|>"))).toEqual(["priority", "plan", "after"]);
    expect(await labels(table("| after | <|>"))).toEqual(["credit"]);
  });

  it("offers elapsed durations only in its rows (business time is SLA304 there)", async () => {
    expect(await labels(table("| after | credit |\n    | <|>"))).toEqual(["minutes"]);
    expect(await labels(table("| after | credit |\n    | 45 <|>"))).toEqual(["minutes", "hours", "days", "weeks"]);
  });

  it("explains `after` in its header", async () => {
    expect(await hover(table("| af<|>ter | credit |"))).toContain("elapsed time from its target's start to its stop");
  });
});

describe("block snippets of availabilities and objectives", () => {
  /** A snippet's text with each tab stop at its default, as accepting it unchanged writes it. */
  const expand = (body: string) => body.replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$\{\d+\}/g, "");

  it("are offered at top level, filled with the declared names, and check without errors as written", async () => {
    const offered = await items("<|>");
    const bodies = ["availability block", "objective block"].map((label) => {
      const item = offered.find((i) => i.label === label)!;
      return expand((item.textEdit as { newText: string }).newText);
    });
    expect(bodies[0]).toContain("| below | credit |\n    | 99.9% | 10% |");
    expect(bodies[1]).toContain("95% of tickets meet resolution\n  for priority P1\n  credit 5%");
    const uri = `file:///test/completion-commitments-snippets-${n++}.sla`;
    const { diagnostics } = await server().open(uri, `${POLICY}${bodies.join("\n")}\n`);
    expect(diagnostics.filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
  });
});

describe("hover on an availability's or objective's name", () => {
  it("says what an availability commits to, what it counts and excuses, and its credit", async () => {
    const value = await hover(
      'period quarter starting Apr 1\navailability netw<|>ork_uptime "Network" {\n  commit 99.9% per quarter starting Apr 1\n  component network\n  excuse scheduled announced 48 hours ahead, up to 4 hours per period\n  excuse cause force_majeure\n  credit 5% per started 30 minutes, up to 100%\n}\n',
    );
    expect(value.split("\n\n")).toEqual([
      "**availability** `network_uptime`: Network",
      "commits to **99.9%** over elapsed time, each quarter starting Apr 1 (judged in a period that is one); shown to 3 decimals",
      "counts outages of `network`",
      "excused: scheduled maintenance, announced 2 days ahead, up to 4 hours per period; outages caused by `force_majeure`",
      "missed: 5% of the fees per started 30 minutes of counted downtime, up to 100%",
    ]);
  });

  it("says an objective's share, target and credit", async () => {
    const value = await hover('objective fa<|>st "Fast fixes" {\n  90% of tickets meet resolution\n  for priority P1\n  credit 5%\n}\n');
    expect(value.split("\n\n")).toEqual([
      "**objective** `fast`: Fast fixes",
      "at least **90%** of the decided tickets meet target `resolution`; shown to 3 decimals",
      "missed: 5% of the period's fees",
    ]);
  });
});
