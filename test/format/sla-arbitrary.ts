/**
 * fast-check generators of valid `.sla` texts, built from the grammar's constructs (every
 * declaration and clause of `grammar/parser.ts`), then rendered with random whitespace and
 * comments between tokens. A construct is a list of token texts; rendering decides the layout.
 */
import fc from "fast-check";
import { keywords } from "../../grammar/tokens.js";

type Tokens = string[];
type Arb = fc.Arbitrary<Tokens>;

const reserved = new Set(keywords);

/** Concatenation of constructs. */
const seq = (...parts: Arb[]): Arb => fc.tuple(...parts).map((p) => p.flat());
/** A construct or nothing. */
const opt = (part: Arb): Arb => fc.option(part, { nil: undefined }).map((p) => p ?? []);
const tok = (...choices: string[]): Arb => fc.constantFrom(...choices).map((t) => [t]);
/** `item, item, item` (`sep` between items). */
const list = (item: Arb, sep = ",", max = 4): Arb =>
  fc.array(item, { minLength: 1, maxLength: max }).map((items) => items.flatMap((t, i) => (i === 0 ? t : [sep, ...t])));
const many = (item: Arb, max = 5): Arb => fc.array(item, { maxLength: max }).map((items) => items.flat());
const block = (header: Arb, item: Arb, max = 5): Arb => seq(header, tok("{"), many(item, max), tok("}"));

const ident: Arb = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,9}$/)
  .filter((s) => !reserved.has(s))
  .map((s) => [s]);
const stringChars = [..."abcdefgh XYZ019.,:;!?'/|{}%-–—éàü日本×«»"];
const str: Arb = fc.string({ unit: fc.constantFrom(...stringChars), maxLength: 30 }).map((s) => [`"${s}"`]);
const two = (max: number): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
const clock: Arb = fc.tuple(two(24), two(59)).map(([h, m]) => [`${h}:${m}`]);
const date: Arb = fc.tuple(fc.integer({ min: 2000, max: 2099 }), two(12), two(28)).map(([y, m, d]) => [`${y}-${m}-${d}`]);
const dateTime: Arb = fc
  .tuple(date, clock, fc.constantFrom("Z", "+01:00", "-05:00", ":30+02:00"))
  .map(([[d], [t], z]) => [`${d}T${t}${z}`]);
const num: Arb = fc.oneof(fc.nat(999).map(String), fc.tuple(fc.nat(99), fc.nat(9)).map(([a, b]) => `${a}.${b}`)).map((n) => [n]);
const percent: Arb = fc.tuple(num, fc.constantFrom("%", " %")).map(([[n], p]) => [`${n}${p}`]);
const unit = tok("minutes", "minute", "hours", "hour", "weeks", "week", "months", "month");
const anyUnit = fc.oneof(unit, tok("day", "days"));
const weekday = tok("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
const dayRange = seq(weekday, opt(seq(tok("-", "–"), weekday)));
const window = seq(clock, tok("-"), clock);
const eventKind = tok("open", "approve", "pause", "resume", "respond", "resolve", "reprioritize");
const duration = seq(num, opt(tok("business")), anyUnit);
const money = seq(num, opt(ident));
const word = fc.oneof(ident, tok("as", "to", "no"));

// SPEC §1 plans, priorities, roles, channels, work, obligations, exclusions
const namedDecl = seq(tok("plan", "priority", "role", "channel", "work", "obligation"), ident, opt(seq(tok("extends"), ident)), opt(str));
const excludeDecl = seq(tok("exclude"), tok("channel", "cause"), ident, opt(str));

// SPEC §2.2 calendars
const calendarItem = fc.oneof(
  seq(tok("zone"), str),
  seq(tok("holidays"), list(str)),
  tok("open on holidays").map((t) => t[0]!.split(" ")),
  seq(tok("closed"), date, opt(fc.oneof(seq(tok("from"), clock), list(window)))),
  seq(tok("open"), date, list(window)),
  tok("24x7"),
  seq(tok("days"), list(dayRange)),
  seq(list(dayRange), list(window)),
);
const calendarDecl = block(seq(tok("calendar"), ident, opt(str), opt(seq(tok("extends"), ident))), calendarItem);
const calendarRef = seq(tok("calendar"), fc.oneof(ident, seq(opt(ident), tok("for"), list(ident))));
const regionDecl = block(
  seq(tok("region"), ident, opt(str)),
  fc.oneof(calendarRef, seq(opt(tok("optional")), tok("languages"), list(word))),
);

// SPEC §1 targets and tables
const cell = fc.oneof(
  duration,
  tok("next business day", "same business day", "best effort").map((t) => t[0]!.split(" ")),
  seq(percent, opt(seq(tok("of"), ident))),
  ident,
  tok("none", "priority", "plan", "goal", "after", "to", "credit", "below"),
);
const row = seq(tok("|"), fc.array(seq(cell, tok("|")), { minLength: 1, maxLength: 5 }).map((c) => c.flat()));
const table = seq(tok("{"), many(row, 6), tok("}"));
const clockRule = seq(tok("start", "pause", "resume", "stop"), tok("on"), list(eventKind));
const targetDecl = block(
  seq(tok("target"), ident, opt(str)),
  fc.oneof(clockRule, seq(tok("kpi"), opt(str)), calendarRef, seq(tok("goals"), table)),
);
const forNames = opt(seq(tok("for"), list(ident)));
const escalationDecl = block(seq(tok("escalation"), forNames), fc.oneof(clockRule, calendarRef, table));

// SPEC §6 credits and fees
const creditsItem = fc.oneof(
  seq(tok("target"), list(ident)),
  table,
  seq(
    tok("claim"),
    fc.oneof(
      seq(tok("by"), tok("end"), tok("of"), tok("next"), unit),
      seq(tok("subject"), str),
      // issue 12: `claim within 30 days after period|breach`
      seq(tok("within"), num, tok("days"), tok("after"), fc.oneof(tok("period"), tok("breach"))),
    ),
  ),
  // issue 12 credit rules
  seq(tok("sum"), tok("per"), tok("breach")),
  seq(tok("amount"), money, tok("per"), tok("breach")),
  seq(tok("above"), num, tok("breaches"), percent),
  seq(tok("ineligible"), fc.oneof(seq(tok("channel"), list(ident)), tok("optional languages").map((t) => t[0]!.split(" ")))),
  seq(tok("cap"), percent),
);
const creditsDecl = block(seq(tok("credits"), forNames), creditsItem);
const packageItem = fc.oneof(
  seq(tok("prepays"), list(seq(duration, tok("of"), ident), "or", 3)),
  seq(tok("draws"), ident),
  seq(tok("buy"), tok("within"), num, unit, tok("of"), ident),
  seq(tok("expires"), num, unit, tok("after"), ident),
);
const feesItem = fc.oneof(
  seq(tok("zone"), str),
  seq(tok("currency"), ident),
  seq(tok("plus"), tok("vat")),
  seq(tok("vat"), percent),
  seq(tok("rate"), opt(ident), money, tok("per"), unit),
  seq(tok("free"), list(ident)),
  seq(tok("allowance"), ident, duration, tok("per"), unit, opt(seq(tok(","), tok("excess"), tok("at"), ident))),
  block(seq(tok("package"), ident, money), packageItem, 4),
  seq(
    tok("invoice"),
    tok("monthly", "quarterly", "yearly"),
    opt(
      seq(
        tok(","),
        tok("issued"),
        fc.oneof(seq(num, anyUnit, tok("after"), tok("period")), seq(tok("on"), tok("day"), num, tok("of"), tok("next"), unit)),
      ),
    ),
  ),
  seq(tok("payment"), fc.oneof(seq(tok("net"), num, anyUnit), seq(tok("by"), tok("end"), tok("of"), unit))),
  seq(tok("late"), tok("charge"), percent, tok("per"), tok("started"), unit),
  // issue 12.5 charges and quotas
  seq(tok("charge"), ident, opt(str), fc.oneof(money, seq(tok("from"), tok("period")), seq(percent, tok("of"), ident, opt(seq(tok(","), tok("at"), tok("least"), money))))),
  seq(tok("quota"), opt(ident), duration, tok("per"), fc.oneof(unit, tok("quarter"))),
);
const feesDecl = block(tok("fees"), feesItem, 8);
// issue 12.3–12.4 availability commitments and objectives over a share of tickets
const shown = seq(tok("shown"), tok("to"), num, tok("decimals"));
const availabilityItem = fc.oneof(
  seq(tok("commit"), percent),
  seq(tok("component"), list(ident)),
  seq(tok("over"), fc.oneof(seq(tok("elapsed"), tok("time")), seq(tok("calendar"), ident))),
  seq(tok("excuse"), tok("scheduled"), opt(seq(tok("announced"), duration, tok("ahead"))), opt(seq(tok(","), tok("up"), tok("to"), duration, tok("per"), tok("period")))),
  shown,
  seq(tok("credits"), table),
);
const availabilityDecl = block(seq(tok("availability"), ident, opt(str)), availabilityItem);
const objectiveItem = fc.oneof(
  seq(percent, tok("of"), tok("tickets"), tok("meet"), ident),
  seq(tok("for"), fc.oneof(seq(tok("priority"), list(ident)), list(ident))),
  seq(tok("credit"), percent),
  shown,
);
const objectiveDecl = block(seq(tok("objective"), ident, opt(str)), objectiveItem, 4);
// issue 12.2 the settlement period
const periodDecl = seq(tok("period"), fc.oneof(unit, tok("quarter", "year")), opt(seq(tok("starting"), tok("Jan", "Feb", "Apr", "Nov"), num)));

// SPEC §4 example cases
const expectation = seq(
  tok("expect"),
  fc.oneof(
    // A list index is followed by a word: `.2 .3` would print as `.2.3`, the one number `2.3`.
    seq(word, fc.array(fc.oneof(seq(tok("."), word), seq(tok("."), fc.nat(9).map((n) => [String(n)]), tok("."), word)), { minLength: 1, maxLength: 3 }).map((p) => p.flat()), str),
    tok("no escalation").map((t) => t[0]!.split(" ")),
    seq(tok("escalation"), ident, opt(seq(tok("at"), dateTime))),
    seq(tok("credit"), fc.oneof(percent, tok("none"))),
    seq(tok("availability"), ident, percent),
    seq(tok("objective"), ident, tok("met", "missed")),
    seq(ident, opt(tok("met", "breached", "pending", "paused", "none")), opt(seq(tok("due"), fc.oneof(dateTime, tok("none"))))),
  ),
);
const exampleItem = fc.oneof(
  seq(tok("ticket"), str),
  seq(tok("priority", "plan", "region", "channel"), ident),
  seq(tok("language"), ident),
  seq(tok("opened"), dateTime),
  seq(eventKind, opt(seq(tok("to"), ident)), tok("at"), dateTime),
  seq(tok("as"), tok("of"), dateTime),
  seq(tok("period"), str),
  expectation,
);
const exampleDecl = block(seq(tok("example"), str), exampleItem, 8);

const declaration = fc.oneof(
  { arbitrary: namedDecl, weight: 3 },
  { arbitrary: excludeDecl, weight: 1 },
  { arbitrary: calendarDecl, weight: 2 },
  { arbitrary: regionDecl, weight: 1 },
  { arbitrary: targetDecl, weight: 2 },
  { arbitrary: escalationDecl, weight: 1 },
  { arbitrary: creditsDecl, weight: 1 },
  { arbitrary: availabilityDecl, weight: 1 },
  { arbitrary: objectiveDecl, weight: 1 },
  { arbitrary: feesDecl, weight: 1 },
  { arbitrary: periodDecl, weight: 1 },
  { arbitrary: exampleDecl, weight: 1 },
);

/** The tokens of a random policy: an optional header, then up to 8 declarations. */
export const policyTokens: Arb = seq(opt(seq(tok("policy"), ident, opt(str))), many(declaration, 8));

const commentText = fc.string({ unit: fc.constantFrom(..."ab c/\"{}|%–日 \t"), maxLength: 16 }).map((s) => `//${s}`);

/** What goes between two tokens: whitespace, possibly with comments; `canTouch` also allows nothing. */
export const gap = (canTouch: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(" ", "  ", "\t", "\n", "\n\n", "\r\n", "\n\n\n   ", " \r\n\t", "\r"), weight: 8 },
    { arbitrary: fc.constant(canTouch ? "" : " "), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(" ", "", "\t"), commentText, fc.constantFrom("\n", "\r\n", "\n\n  ")).map((p) => p.join("")), weight: 1 },
    { arbitrary: fc.tuple(commentText, commentText).map(([a, b]) => `\n${a}\n\n  ${b}\r\n`), weight: 1 },
  );

/** Renders tokens with a random gap (whitespace and comments) before each and after the last. */
export function render(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(gap(false), { minLength: tokens.length + 1, maxLength: tokens.length + 1 })
    .map((gaps) => tokens.map((t, i) => gaps[i] + t).join("") + (gaps[tokens.length] ?? ""));
}

/** A random valid policy text with random layout and comments. */
export const policyText: fc.Arbitrary<string> = policyTokens.chain(render);

/** Random formatter options within what a user could set. */
export const formatOptions = fc.record({
  printWidth: fc.integer({ min: 10, max: 160 }),
  tabWidth: fc.integer({ min: 1, max: 8 }),
  useTabs: fc.boolean(),
});
