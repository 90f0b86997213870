/**
 * Robustness of the front end: `compile` never throws, and every position it reports (diagnostic
 * spans, label spans, fix edits) lies inside the text — on random text drawn from the language's
 * own vocabulary mixed with arbitrary unicode, and on randomly mutated seed policies. Also: the
 * seed policies compile clean to an IR that satisfies the runtime's schema.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "./budget.js";
import { compile } from "../../compiler/index.js";
import { renderJson, renderText } from "../../compiler/render.js";
import { CstParser } from "chevrotain";
import { astFromCst } from "../../compiler/ast-from-cst.js";
import { SlaParser, slaParser } from "../../grammar/parser.js";
import { slaLexer, keywords } from "../../grammar/tokens.js";
import { PolicySchema } from "../../runtime/ir.js";

const POLICIES = new URL("../../policies/", import.meta.url);
const SEEDS = readdirSync(POLICIES)
  .filter((f) => f.endsWith(".sla"))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(new URL(f, POLICIES), "utf8") }));

/** Check every position a compile result reports; returns the number of diagnostics. */
function assertWellFormed(text: string): number {
  const result = compile("fuzz.sla", text);
  const inside = (s: { start: number; end: number }, what: string) => {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end), `${what} offsets are integers: ${JSON.stringify(s)}`).toBe(true);
    expect(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what} ${JSON.stringify(s)} inside [0, ${text.length}]`).toBe(true);
  };
  for (const d of result.diagnostics) {
    inside(d.span, `${d.code} span`);
    for (const l of d.labels ?? []) inside(l.span, `${d.code} label`);
    for (const f of d.fixes ?? []) for (const e of f.edits) inside(e.span, `${d.code} fix edit`);
    expect(d.message.length).toBeGreaterThan(0);
    // The renderers are the edge every diagnostic goes through: they must not throw either.
    expect(renderText(d, result.file).startsWith("fuzz.sla:")).toBe(true);
    expect(renderJson(d, result.file)["code"]).toBe(d.code);
  }
  // An IR is produced exactly when there is no error.
  expect(result.ir === null).toBe(result.diagnostics.some((d) => d.severity === "error"));
  return result.diagnostics.length;
}

// ---- (a) random text from the language's vocabulary and arbitrary unicode ----

const PUNCTUATION = ["{", "}", "|", ",", "-", "–", ".", "%", '"', "\\", "//", "/", ":", "#", "@"];
const LITERALS = [
  "09:00", "24:00", "25:61", "9:5", "2026-12-24", "2026-02-30", "2026-03-27T16:30:00+01:00", "2026-13-45T99:99Z",
  "0", "60", "1.5", "2.5", "99999999999999999999", "20%", "1.5 %", "150%", '"Europe/Rome"', '"IT"', '"DE-BY"', '""', '"a \\"b\\""',
  "24x7", "P1", "gold", "europe_hours", "trialStart", "EUR", "invoice.total",
];
const SPACE = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\ufeff", "\r"];

const vocabulary = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...keywords) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 3, arbitrary: fc.constantFrom(...LITERALS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
  // lone surrogates and control characters: UTF-16 text that is not well formed
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant("// a comment") },
);

const randomText = fc
  .array(fc.tuple(vocabulary, fc.constantFrom(...SPACE, "", "")), { maxLength: 80 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

// ---- (b) mutated seed policies ----

/** A text cut into pieces: each token (comments included) and the gaps between them. */
function pieces(text: string): string[] {
  const { tokens, groups } = slaLexer.tokenize(text);
  const all = [...tokens, ...(groups["comments"] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const out: string[] = [];
  let pos = 0;
  for (const t of all) {
    if (t.startOffset > pos) out.push(text.slice(pos, t.startOffset));
    out.push(t.image);
    pos = t.startOffset + t.image.length;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

const SEED_PIECES = SEEDS.map((s) => pieces(s.text));

type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "insert"; at: number; piece: string }
  | { kind: "truncate"; at: number };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((at) => ({ kind: "delete" as const, at })),
  position.map((at) => ({ kind: "duplicate" as const, at })),
  fc.tuple(position, position).map(([at, w]) => ({ kind: "swap" as const, at, with: w })),
  fc.tuple(position, fc.oneof(vocabulary, vocabulary.map((v) => ` ${v} `))).map(([at, piece]) => ({ kind: "insert" as const, at, piece })),
  { weight: 1, arbitrary: position.map((at) => ({ kind: "truncate" as const, at })) },
);

function mutate(seed: readonly string[], mutations: readonly Mutation[]): string {
  const ps = [...seed];
  for (const m of mutations) {
    if (ps.length === 0) ps.push("");
    const i = m.at % ps.length;
    switch (m.kind) {
      case "delete":
        ps.splice(i, 1);
        break;
      case "duplicate":
        ps.splice(i, 0, ps[i]!);
        break;
      case "swap": {
        const j = m.with % ps.length;
        [ps[i], ps[j]] = [ps[j]!, ps[i]!];
        break;
      }
      case "insert":
        ps.splice(i, 0, m.piece);
        break;
      case "truncate": {
        // cut inside the text, not only at a piece boundary
        const text = ps.join("");
        return text.slice(0, m.at % (text.length + 1));
      }
    }
  }
  return ps.join("");
}

const mutatedSeed = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, ms]) => mutate(SEED_PIECES[seed]!, ms));

// ---- (c) random policies assembled from the language's clauses, valid or not ----

const NAMES = ["gold", "basic", "P1", "P2", "office", "always", "europe", "response", "ceo", "email", "support"];
const name = fc.constantFrom(...NAMES);
const time = fc.constantFrom("00:00", "09:00", "12:00", "13:00", "18:00", "24:00", "25:00", "09:60");
const day = fc.constantFrom("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
const days = fc.tuple(day, fc.option(day)).map(([a, b]) => (b ? `${a}-${b}` : a));
const win = fc.tuple(time, time).map(([a, b]) => `${a}-${b}`);
const cellValue = fc.constantFrom("4 business hours", "60 minutes", "2 business days", "1 month", "2 business weeks", "next business day", "same business day", "best effort", "20%", "150%", "none", "50% of response", "ceo", "P1", "gold");
const row = fc.array(fc.oneof(name, cellValue), { minLength: 1, maxLength: 4 }).map((cells) => `    | ${cells.join(" | ")} |`);
const table = fc
  .tuple(fc.constantFrom("| priority | goal |", "| priority | basic | gold |", "| plan | goal |", "| priority | after | to |", "| priority | credit |", "| P1 | 1 hour |"), fc.array(row, { maxLength: 4 }))
  .map(([h, rows]) => `  {\n    ${h}\n${rows.join("\n")}\n  }`);
const clock = fc
  .tuple(fc.constantFrom("start", "pause", "resume", "stop"), fc.subarray(["open", "approve", "pause", "resume", "respond", "resolve"], { minLength: 1 }))
  .map(([r, es]) => `  ${r} on ${es.join(", ")}`);
const calendarItem = fc.oneof(
  fc.constantFrom('  zone "UTC"', '  zone "Europe/Rome"', '  zone "Mars/Base"', '  holidays "IT"', '  holidays "XX"', "  24x7", "  open on holidays", "  closed 2026-12-24 from 13:00", "  closed 2026-02-30"),
  fc.tuple(days, fc.array(win, { minLength: 1, maxLength: 3 })).map(([d, ws]) => `  ${d} ${ws.join(", ")}`),
  days.map((d) => `  days ${d}`),
);
const declaration = fc.oneof(
  fc.tuple(name, fc.option(name), fc.array(calendarItem, { maxLength: 5 })).map(([n, p, items]) => `calendar ${n}${p ? ` extends ${p}` : ""} {\n${items.join("\n")}\n}`),
  fc.tuple(fc.constantFrom("plan", "priority", "role", "channel", "work"), name, fc.option(name)).map(([k, n, p]) => `${k} ${n}${p ? ` extends ${p}` : ""} "x"`),
  fc.tuple(name, fc.array(fc.oneof(name.map((c) => `  calendar ${c}`), name.map((c) => `  calendar office for ${c}`), fc.constant("  languages en, it")), { maxLength: 3 })).map(([n, items]) => `region ${n} {\n${items.join("\n")}\n}`),
  fc.tuple(name, fc.array(clock, { maxLength: 4 }), fc.option(table)).map(([n, cs, t]) => `target ${n} {\n${cs.join("\n")}\n${t ? `  goals ${t.trim()}` : ""}\n}`),
  fc.tuple(fc.array(clock, { maxLength: 2 }), fc.array(table, { maxLength: 2 })).map(([cs, ts]) => `escalation for gold {\n  calendar for gold\n${cs.join("\n")}\n${ts.join("\n")}\n}`),
  fc.tuple(fc.option(table), fc.constantFrom("", "  cap 50%", "  cap 150%", "  claim by end of next month")).map(([t, extra]) => `credits {\n  target response\n${t ?? ""}\n${extra}\n}`),
  fc.subarray(["  currency EUR", "  rate gold 39 EUR per hour", "  rate 39 per hour", "  rate 1 USD per week", "  invoice monthly", "  payment net 30 days", "  package gold 199 EUR {\n    prepays 5 hours of gold\n    draws support\n    buy within 4 months of trialStart\n    expires 3 months after trialStart\n  }"]).map((ls) => `fees {\n${ls.join("\n")}\n}`),
  fc.subarray(["  priority P1", "  plan gold", "  opened 2026-03-02T10:00:00Z", "  opened 2026-02-30T10:00:00Z", "  pause at 2026-03-02T11:00:00Z", "  reprioritize at 2026-03-02T11:00:00Z", "  expect response met", '  period "p.json"', '  expect invoice.total "1"']).map((ls) => `example "e" {\n${ls.join("\n")}\n}`),
);
const assembledPolicy = fc
  .tuple(fc.boolean(), fc.array(declaration, { maxLength: 10 }))
  .map(([header, decls]) => `${header ? 'policy p "P"\n' : ""}${decls.join("\n")}\n`);

describe("compile never throws and keeps every span inside the text", () => {
  it("on random text from the language's tokens and arbitrary unicode", () => {
    let withDiagnostics = 0;
    const numRuns = propertyRuns(3);
    fc.assert(
      fc.property(randomText, (text) => {
        if (assertWellFormed(text) > 0) withDiagnostics++;
      }),
      { numRuns },
    );
    // The generator makes varied input, not empty or clean files: two thirds at least have errors.
    expect(withDiagnostics).toBeGreaterThan((2 * numRuns) / 3);
  });

  it("on mutated seed policies (delete, duplicate, swap, insert tokens; truncate)", () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        assertWellFormed(text);
        for (const d of compile("m.sla", text).diagnostics) codes.add(d.code);
      }),
      // The variety check below needs some runs whatever the budget.
      { numRuns: propertyRuns(1.2, 120) },
    );
    // Mutations reach past the parser into the checks.
    expect([...codes].filter((c) => c !== "SLA001" && c !== "SLA002").length).toBeGreaterThan(5);
  });

  it("on policies assembled from random clauses, and gives the same answer every time", () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(assembledPolicy, randomText, (text, other) => {
        assertWellFormed(text);
        const first = compile("a.sla", text).diagnostics;
        compile("b.sla", other); // the parser instance is shared: nothing may leak between texts
        expect(compile("a.sla", text).diagnostics).toEqual(first);
        for (const d of first) codes.add(d.code);
      }),
      // The variety check below needs some runs whatever the budget.
      { numRuns: propertyRuns(2, 200) },
    );
    // The clause generator reaches most of the checker.
    expect(codes.size).toBeGreaterThan(24);
  });

  it("on edge cases: empty, whitespace, a lone quote, a BOM, a NUL, unpaired surrogates, deep nesting", () => {
    for (const text of ["", " ", "\n", '"', "\ufeff", "\u0000", "\ud800", "a\udc00b", "{".repeat(5000), "}".repeat(5000), "| ".repeat(3000), "policy"]) {
      assertWellFormed(text);
    }
  });

  it("mutation pieces put a seed back together unchanged", () => {
    for (const [i, s] of SEEDS.entries()) expect(SEED_PIECES[i]!.join("")).toBe(s.text);
  });
});

// ---- the parser's faster re-sync scan gives chevrotain's answers ----

/** A parser with chevrotain's own `findReSyncTokenType` (SlaParser replaces it for speed). */
class ReferenceParser extends SlaParser {}
(ReferenceParser.prototype as unknown as Record<string, unknown>)["findReSyncTokenType"] = (CstParser.prototype as unknown as Record<string, unknown>)["findReSyncTokenType"];
const reference = new ReferenceParser();

function errorsAndAst(parser: SlaParser, text: string): unknown {
  const { tokens } = slaLexer.tokenize(text);
  parser.input = tokens;
  const cst = parser.file();
  return {
    errors: parser.errors.map((e) => [e.name, e.message, e.token.startOffset]),
    ast: astFromCst(cst, text.length),
  };
}

describe("error recovery", () => {
  it("is the same with the parser's re-sync scan as with chevrotain's", () => {
    fc.assert(
      fc.property(fc.oneof(randomText, mutatedSeed, assembledPolicy), (text) => {
        expect(errorsAndAst(slaParser, text)).toEqual(errorsAndAst(reference, text));
      }),
      { numRuns: propertyRuns(1) },
    );
  });
});

describe("the seed policies", () => {
  it.each(SEEDS.map((s) => [s.name, s.text] as const))("%s compiles without diagnostics to an IR the runtime's schema accepts", (name, text) => {
    const result = compile(`policies/${name}`, text);
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(result.ir).not.toBeNull();
    const parsed = PolicySchema.safeParse(result.ir);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
    expect(result.ir?.id).toBe(name.replace(/\.sla$/, ""));
  });
});
