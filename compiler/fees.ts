/**
 * Fees (SPEC §6): rates, free work, allowances, prepaid packages, VAT, invoice schedule, payment
 * terms and late charges, checked and lowered. Amounts and percentages stay the decimal text the
 * policy wrote: never numbers.
 *
 * One function per clause, chosen from a table with an entry for every kind of clause (a new kind
 * that is not handled is a type error); each reads its clause and records it in a draft, and
 * {@link lowerFees} decides at the end whether the block is complete.
 */
import { FEE_OFFSET_LIMITS } from "../runtime/ir-constants.js";
import type { FeesIR, SourceRef } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { checkZone } from "./calendars.js";
import { type CheckContext, sourceRef } from "./context.js";
import { checkChargeBases, feeRulesDraft, type FeeRulesDraft, feeRulesIR, lowerCharge, lowerQuota, lowerWorkAllowance } from "./fee-rules.js";
import { lowerPercent } from "./percent.js";

let currencyCodes: Set<string> | null = null;
/** Whether `code` is an ISO 4217 currency the platform knows (every code when it lists none). */
export function isCurrency(code: string): boolean {
  currencyCodes ??= new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);
  return currencyCodes.size === 0 || currencyCodes.has(code);
}

/** Period fields a package's months may count from. */
const PERIOD_DATES = ["trialStart"];

/** What the clauses of one fees block have said so far. */
interface FeesDraft {
  zone: string;
  vat: FeesIR["vat"];
  readonly rates: FeesIR["rates"][number][];
  readonly free: string[];
  readonly allowances: FeesIR["allowances"][number][];
  readonly packages: FeesIR["packages"][number][];
  invoice: Omit<FeesIR["invoice"], "due"> | null;
  due: FeesIR["invoice"]["due"] | null;
  lateCharge: FeesIR["lateCharge"];
  /** Charges, allowances per kind of work and quotas (issue 12.5, `fee-rules.ts`). */
  readonly rules: FeeRulesDraft;
  /** The clauses that state the block's single values, for `sla diff` to cite (IR 15). */
  readonly origins: ClauseOrigins;
}

/** The `<field>Origin` of each of the block's single values. */
type ClauseOrigins = { -readonly [K in "currencyOrigin" | "vatOrigin" | "freeOrigin" | "invoiceOrigin" | "invoiceDueOrigin" | "lateChargeOrigin" | "zoneOrigin"]?: SourceRef };

/** A clause's reading context: the checker, the block's currency, and the draft it writes. */
interface ClauseContext {
  readonly ctx: CheckContext;
  readonly currency: A.Name | null;
  readonly draft: FeesDraft;
}

type Item<K extends A.FeesItem["kind"]> = Extract<A.FeesItem, { kind: K }>;

/** How each kind of clause is lowered. */
const CLAUSES: { readonly [K in A.FeesItem["kind"]]: (c: ClauseContext, item: Item<K>) => void } = {
  currency: () => {}, // read first, by readCurrency: amounts anywhere in the block are checked against it
  zone: ({ ctx, draft }, item) => {
    if (!item.zone || !checkZone(ctx, item.zone)) return;
    draft.zone = item.zone.value;
    draft.origins.zoneOrigin = sourceRef(ctx, item.span);
  },
  plusVat: ({ ctx, draft }, item) => {
    draft.vat = { applies: true, vatPercent: draft.vat.vatPercent };
    // `VAT 19%` says more than `plus VAT`: it stays the clause cited.
    if (draft.vat.vatPercent === null) draft.origins.vatOrigin = sourceRef(ctx, item.span);
  },
  vatRate: ({ ctx, draft }, item) => {
    const vatPercent = item.percent ? lowerPercent(ctx, item.percent.span) : null;
    if (vatPercent === null) return;
    draft.vat = { applies: true, vatPercent };
    draft.origins.vatOrigin = sourceRef(ctx, item.span);
  },
  rate: lowerRate,
  free: ({ ctx, draft }, item) => {
    draft.free.push(...item.works.filter((w) => ctx.symbols.resolve("work", w)).map((w) => w.text));
    // Several clauses add up to one list: the first one written is cited.
    if (draft.free.length > 0) draft.origins.freeOrigin ??= sourceRef(ctx, item.span);
  },
  allowance: lowerAllowance,
  package: (c, item) => {
    const plan = c.ctx.symbols.resolve("plan", item.plan);
    const price = checkMoney(c, item.price);
    const pkg = lowerPackage(c.ctx, item);
    if (plan && price !== null && pkg) c.draft.packages.push({ plan: plan.name.text, price, ...pkg, origin: sourceRef(c.ctx, item.span) });
  },
  invoice: ({ ctx, draft }, item) => {
    const issue = item.issue;
    if (issue?.kind === "dayOfNextMonth" && (issue.day.value < 1 || issue.day.value > 28)) {
      ctx.diagnostics.error("SLA504", issue.day.span, `day ${issue.day.value} does not exist in every month`, { help: "use a day from 1 to 28" });
    }
    if (issue?.kind === "daysAfterPeriod") checkDays(ctx, issue.days);
    draft.origins.invoiceOrigin = sourceRef(ctx, item.span);
    draft.invoice = {
      schedule: item.schedule,
      issue: !issue ? { kind: "daysAfterPeriod", days: 0 } : issue.kind === "daysAfterPeriod" ? { kind: "daysAfterPeriod", days: issue.days.value } : { kind: "dayOfNextMonth", day: issue.day.value },
    };
  },
  payment: ({ ctx, draft }, item) => {
    if (item.due.kind === "netDays" && item.due.unit !== "day") ctx.diagnostics.error("SLA304", item.span, "payment terms are counted in days", { help: "write `payment net 30 days`" });
    if (item.due.kind === "netDays") checkDays(ctx, item.due.days);
    draft.due = item.due.kind === "netDays" ? { kind: "netDays", days: item.due.days.value } : { kind: "endOfMonth" };
    draft.origins.invoiceDueOrigin = sourceRef(ctx, item.span);
  },
  lateCharge: ({ ctx, draft }, item) => {
    const chargePercent = item.percent ? lowerPercent(ctx, item.percent.span) : null;
    if (chargePercent === null) return;
    draft.lateCharge = { chargePercent, per: "startedMonth" };
    draft.origins.lateChargeOrigin = sourceRef(ctx, item.span);
  },
  charge: (c, item) => lowerCharge(c.ctx, item, (m) => checkMoney(c, m), c.draft.rules),
  quota: ({ ctx, draft }, item) => lowerQuota(ctx, item, draft.rules),
};

/** The block's `currency` clause (the last one wins), checked against ISO 4217, and the clause. */
function readCurrency(ctx: CheckContext, decl: A.FeesDecl): { readonly currency: A.Name; readonly clause: A.FeesItem } | null {
  let currency: { currency: A.Name; clause: A.FeesItem } | null = null;
  for (const item of decl.items) {
    if (item.kind !== "currency" || !item.currency) continue;
    currency = { currency: item.currency, clause: item };
    if (!isCurrency(item.currency.text)) {
      ctx.diagnostics.error("SLA502", item.currency.span, `unknown currency \`${item.currency.text}\``, { help: "use an ISO 4217 code such as `EUR` or `USD`" });
    }
  }
  return currency;
}

/** An amount's decimal text, or `null` (reported) when it lacks the currency or has another one. */
function checkMoney({ ctx, currency }: ClauseContext, m: A.Money | null): string | null {
  if (!m) return null;
  if (!m.currency) {
    ctx.diagnostics.error("SLA501", m.span, `\`${m.amount.value}\` has no currency`, {
      help: `write the currency after the amount: \`${m.amount.value} ${currency?.text ?? "EUR"}\``,
      ...(currency ? { fixes: [{ title: `add \`${currency.text}\``, edits: [{ span: { start: m.amount.span.end, end: m.amount.span.end }, newText: ` ${currency.text}` }] }] } : {}),
    });
    return null;
  }
  if (currency && m.currency.text !== currency.text) {
    ctx.diagnostics.error("SLA502", m.currency.span, `\`${m.currency.text}\` differs from the fees' currency \`${currency.text}\``, {
      help: "a policy bills in one currency",
      labels: [{ span: currency.span, message: "the fees' currency" }],
    });
    return null;
  }
  return m.amount.value;
}

/** Billing dates are offsets from bounded period dates: an offset beyond the limit is reported. */
function checkDays(ctx: CheckContext, days: A.Lit<number>): void {
  if (days.value > FEE_OFFSET_LIMITS.days) {
    ctx.diagnostics.error("SLA504", days.span, `${days.value} days is more than the ${FEE_OFFSET_LIMITS.days} days a billing date may lie after another`, { help: `use at most ${FEE_OFFSET_LIMITS.days} days` });
  }
}

/** Whether a rate's subject names a plan (a regime) or a kind of work; `null` when neither. */
function subjectKind(ctx: CheckContext, n: A.Name): "plan" | "work" | null {
  if (ctx.symbols.has("plan", n.text)) return ctx.symbols.resolve("plan", n) && "plan";
  if (ctx.symbols.has("work", n.text)) return ctx.symbols.resolve("work", n) && "work";
  ctx.symbols.reportUnknown(ctx.symbols.names("plan").length > 0 ? "plan" : "work", n.text, n.span);
  return null;
}

function lowerRate(c: ClauseContext, item: Item<"rate">): void {
  const { ctx } = c;
  const amount = checkMoney(c, item.money);
  // `per` is null only when the parser already reported the line (`per day`, a missing unit).
  if (item.per !== null && item.per !== "hour") ctx.diagnostics.error("SLA304", item.perSpan ?? item.span, "rates are per hour", { help: "write `per hour`" });
  const kind = item.subject ? subjectKind(ctx, item.subject) : null;
  if (amount === null || (item.subject !== null && kind === null)) return;
  c.draft.rates.push({
    kind: kind === "work" ? item.subject!.text : null,
    regime: kind === "plan" ? item.subject!.text : null,
    amount,
    origin: sourceRef(ctx, item.span),
  });
}

function lowerAllowance({ ctx, draft }: ClauseContext, item: Item<"allowance">): void {
  // Issue 12.5: "the first 2 hours of configuration work per month are free" names a kind of work.
  if (item.regime && !ctx.symbols.has("plan", item.regime.text) && ctx.symbols.has("work", item.regime.text)) {
    const work = ctx.symbols.resolve("work", item.regime);
    if (work) lowerWorkAllowance(ctx, item, work.name.text, draft.rules);
    return;
  }
  const regime = ctx.symbols.resolve("plan", item.regime);
  const excess = item.excessAt ? ctx.symbols.resolve("plan", item.excessAt) : null;
  if (item.duration && (item.duration.unit !== "hour" || item.duration.business)) {
    ctx.diagnostics.error("SLA304", item.duration.span, "allowances are counted in hours", { help: "write `2 hours per month`" });
  } else if (item.per !== "month") {
    ctx.diagnostics.error("SLA304", item.span, "allowances renew every calendar month", { help: "write `per month`" });
  } else if (regime && item.duration) {
    draft.allowances.push({ regime: regime.name.text, hours: item.duration.amountText, excessRegime: excess?.name.text ?? null, origin: sourceRef(ctx, item.span) });
  }
}

/**
 * Lower a `fees` block: every clause in turn, then the block as a whole (a currency, an invoice
 * schedule and payment terms are required). `null` when the block is incomplete.
 */
export function lowerFees(ctx: CheckContext, decl: A.FeesDecl, defaultZone: string): FeesIR | null {
  const read = readCurrency(ctx, decl);
  const currency = read?.currency ?? null;
  const origins: ClauseOrigins = read ? { currencyOrigin: sourceRef(ctx, read.clause.span) } : {};
  const draft: FeesDraft = { zone: defaultZone, vat: { applies: false, vatPercent: null }, rates: [], free: [], allowances: [], packages: [], invoice: null, due: null, lateCharge: null, rules: feeRulesDraft(), origins };
  const clause: ClauseContext = { ctx, currency, draft };
  for (const item of decl.items) (CLAUSES[item.kind] as (c: ClauseContext, item: A.FeesItem) => void)(clause, item);
  checkChargeBases(ctx, decl.items, draft.rules);

  const head = { start: decl.span.start, end: decl.span.start + "fees".length };
  if (!currency) {
    ctx.diagnostics.error("SLA503", head, "the fees have no currency", { help: "add `currency EUR`" });
    return null;
  }
  if (!draft.invoice || !draft.due) {
    ctx.diagnostics.error("SLA503", head, `the fees have no ${!draft.invoice ? "invoice schedule" : "payment terms"}`, {
      help: !draft.invoice ? "add `invoice monthly, issued 1 day after period`" : "add `payment net 30 days` or `payment by end of month`",
    });
    return null;
  }
  const { zone, vat, rates, free, allowances, packages, lateCharge } = draft;
  return { currency: currency.text, vat, rates, free, allowances, packages, invoice: { ...draft.invoice, due: draft.due }, lateCharge, ...feeRulesIR(draft.rules), zone, ...origins, origin: sourceRef(ctx, head) };
}

/** A package deadline's months after a period date, checked: in months, bounded, from a known date. */
function packageMonths(
  ctx: CheckContext,
  it: { amount: A.Lit<string> | null; unit: A.UnitName | null; from: A.Name | null; span: A.Decl["span"] },
): { months: string; span: A.Decl["span"] } | null {
  if (it.unit !== "month" || !it.amount) {
    ctx.diagnostics.error("SLA304", it.span, "package deadlines are counted in months", { help: "write `3 months after trialStart`" });
    return null;
  }
  if (it.from && !PERIOD_DATES.includes(it.from.text)) {
    ctx.diagnostics.error("SLA101", it.from.span, `unknown period date \`${it.from.text}\``, { help: `months count from ${PERIOD_DATES.map((d) => `\`${d}\``).join(", ")}` });
    return null;
  }
  // A count of months, not money: a number compares it safely at this size.
  if (Number(it.amount.value) > FEE_OFFSET_LIMITS.months) {
    ctx.diagnostics.error("SLA504", it.amount.span, `${it.amount.value} months is more than the ${FEE_OFFSET_LIMITS.months} months a package deadline may lie after its date`, {
      help: `use at most ${FEE_OFFSET_LIMITS.months} months`,
    });
    return null;
  }
  return { months: it.amount.value, span: it.span };
}

function lowerPackage(ctx: CheckContext, item: Item<"package">): Omit<FeesIR["packages"][number], "plan" | "price" | "origin"> | null {
  let options: { regime: string; hours: string }[] = [];
  let draws: string | null = null;
  let buy: ReturnType<typeof packageMonths> = null;
  let expires: ReturnType<typeof packageMonths> = null;
  let from = "trialStart";
  for (const it of item.items) {
    if (it.kind === "prepays") {
      options = it.options.flatMap((o) => {
        if (o.duration.unit !== "hour" || o.duration.business) {
          ctx.diagnostics.error("SLA304", o.duration.span, "packages prepay hours", { help: "write `5 hours of premium`" });
          return [];
        }
        const regime = ctx.symbols.resolve("plan", o.regime);
        return regime ? [{ regime: regime.name.text, hours: o.duration.amountText }] : [];
      });
    } else if (it.kind === "draws") draws = ctx.symbols.resolve("work", it.work)?.name.text ?? null;
    else if (it.kind === "buyWithin") buy = packageMonths(ctx, it);
    else expires = packageMonths(ctx, it);
    // The date the months count from: the last deadline that names one.
    if ((it.kind === "buyWithin" || it.kind === "expires") && it.from && PERIOD_DATES.includes(it.from.text)) from = it.from.text;
  }
  if (buy && expires && Number(buy.months) > Number(expires.months)) {
    ctx.diagnostics.error("SLA504", buy.span, `the package can be bought after it expires (${buy.months} > ${expires.months} months)`, {
      help: "a package must be bought before its expiry",
      labels: [{ span: expires.span, message: "expiry" }],
    });
  }
  if (options.length === 0 || draws === null) {
    ctx.diagnostics.error("SLA503", item.span, `package \`${item.plan?.text ?? "?"}\` needs \`prepays …\` and \`draws <work>\``, {
      help: "e.g. `prepays 5 hours of premium or 9 hours of standard` and `draws onboarding`",
    });
    return null;
  }
  return { options, draws, buyWithinMonths: buy?.months ?? null, expiresAfterMonths: expires?.months ?? null, from };
}
