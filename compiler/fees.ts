/**
 * Fees (SPEC §6): rates, free work, allowances, prepaid packages, VAT, invoice schedule, payment
 * terms and late charges, checked and lowered. Amounts stay decimal strings: never numbers.
 */
import type { FeesIR } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { type CheckContext, sourceRef } from "./context.js";
import { checkZone } from "./calendars.js";
import { checkPercent } from "./targets.js";

let currencyCodes: Set<string> | null = null;
function isCurrency(code: string): boolean {
  currencyCodes ??= new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);
  return currencyCodes.size === 0 || currencyCodes.has(code);
}

/** Period fields a package's months may count from. */
const PERIOD_DATES = ["trialStart"];

export function lowerFees(ctx: CheckContext, decl: A.FeesDecl, defaultZone: string): FeesIR | null {
  let currency: A.Name | null = null;
  let zone = defaultZone;
  const ir = {
    vat: { applies: false, rate: null as string | null },
    rates: [] as FeesIR["rates"][number][],
    free: [] as string[],
    allowances: [] as FeesIR["allowances"][number][],
    packages: [] as FeesIR["packages"][number][],
    invoice: null as FeesIR["invoice"] | null,
    due: null as FeesIR["invoice"]["due"] | null,
    lateCharge: null as FeesIR["lateCharge"],
  };

  for (const item of decl.items) {
    if (item.kind === "currency" && item.currency) {
      currency = item.currency;
      if (!isCurrency(item.currency.text)) {
        ctx.diagnostics.error("SLA502", item.currency.span, `unknown currency \`${item.currency.text}\``, { help: "use an ISO 4217 code such as `EUR` or `USD`" });
      }
    }
  }
  const checkMoney = (m: A.Money | null): string | null => {
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
  };
  const subjectKind = (n: A.Name): "plan" | "work" | null => {
    if (ctx.symbols.has("plan", n.text)) return ctx.symbols.resolve("plan", n) && "plan";
    if (ctx.symbols.has("work", n.text)) return ctx.symbols.resolve("work", n) && "work";
    ctx.symbols.reportUnknown(ctx.symbols.names("plan").length > 0 ? "plan" : "work", n.text, n.span);
    return null;
  };

  for (const item of decl.items) {
    switch (item.kind) {
      case "zone":
        if (item.zone && checkZone(ctx, item.zone)) zone = item.zone.value;
        break;
      case "plusVat":
        ir.vat = { applies: true, rate: ir.vat.rate };
        break;
      case "vatRate":
        if (item.percent && checkPercent(ctx, Number(item.percent.value), item.percent.span)) {
          ir.vat = { applies: true, rate: (Number(item.percent.value) / 100).toString() };
        }
        break;
      case "rate": {
        const amount = checkMoney(item.money);
        // `per` is null only when the parser already reported the line (`per day`, a missing unit).
        if (item.per !== null && item.per !== "hour") ctx.diagnostics.error("SLA304", item.perSpan ?? item.span, "rates are per hour", { help: "write `per hour`" });
        const kind = item.subject ? subjectKind(item.subject) : null;
        if (amount !== null && (item.subject === null || kind !== null)) {
          ir.rates.push({
            kind: kind === "work" ? item.subject!.text : null,
            regime: kind === "plan" ? item.subject!.text : null,
            amount,
            origin: sourceRef(ctx, item.span),
          });
        }
        break;
      }
      case "free":
        ir.free.push(...item.works.filter((w) => ctx.symbols.resolve("work", w)).map((w) => w.text));
        break;
      case "allowance": {
        const regime = ctx.symbols.resolve("plan", item.regime);
        const excess = item.excessAt ? ctx.symbols.resolve("plan", item.excessAt) : null;
        if (item.duration && (item.duration.unit !== "hour" || item.duration.business)) {
          ctx.diagnostics.error("SLA304", item.duration.span, "allowances are counted in hours", { help: "write `2 hours per month`" });
        } else if (item.per !== "month") {
          ctx.diagnostics.error("SLA304", item.span, "allowances renew every calendar month", { help: "write `per month`" });
        } else if (regime && item.duration) {
          ir.allowances.push({ regime: regime.name.text, hours: item.duration.amountText, excessRegime: excess?.name.text ?? null, origin: sourceRef(ctx, item.span) });
        }
        break;
      }
      case "package": {
        const plan = ctx.symbols.resolve("plan", item.plan);
        const price = checkMoney(item.price);
        const pkg = lowerPackage(ctx, item);
        if (plan && price !== null && pkg) ir.packages.push({ plan: plan.name.text, price, ...pkg, origin: sourceRef(ctx, item.span) });
        break;
      }
      case "invoice":
        ir.invoice = { schedule: item.schedule, issue: item.issue ? (item.issue.kind === "daysAfterPeriod" ? { kind: "daysAfterPeriod", days: item.issue.days.value } : { kind: "dayOfNextMonth", day: item.issue.day.value }) : { kind: "daysAfterPeriod", days: 0 }, due: { kind: "netDays", days: 0 } };
        if (item.issue?.kind === "dayOfNextMonth" && (item.issue.day.value < 1 || item.issue.day.value > 28)) {
          ctx.diagnostics.error("SLA504", item.issue.day.span, `day ${item.issue.day.value} does not exist in every month`, { help: "use a day from 1 to 28" });
        }
        break;
      case "payment":
        if (item.due.kind === "netDays" && item.due.unit !== "day") ctx.diagnostics.error("SLA304", item.span, "payment terms are counted in days", { help: "write `payment net 30 days`" });
        ir.due = item.due.kind === "netDays" ? { kind: "netDays", days: item.due.days.value } : { kind: "endOfMonth" };
        break;
      case "lateCharge":
        if (item.percent && checkPercent(ctx, Number(item.percent.value), item.percent.span)) ir.lateCharge = { percent: item.percent.value, per: "startedMonth" };
        break;
      case "currency":
        break;
    }
  }
  if (!currency) {
    ctx.diagnostics.error("SLA503", { start: decl.span.start, end: decl.span.start + 4 }, "the fees have no currency", { help: "add `currency EUR`" });
    return null;
  }
  if (!ir.invoice || !ir.due) {
    ctx.diagnostics.error("SLA503", { start: decl.span.start, end: decl.span.start + 4 }, `the fees have no ${!ir.invoice ? "invoice schedule" : "payment terms"}`, {
      help: !ir.invoice ? "add `invoice monthly, issued 1 day after period`" : "add `payment net 30 days` or `payment by end of month`",
    });
    return null;
  }
  return {
    currency: currency.text,
    vat: ir.vat,
    rates: ir.rates,
    free: ir.free,
    allowances: ir.allowances,
    packages: ir.packages,
    invoice: { ...ir.invoice, due: ir.due },
    lateCharge: ir.lateCharge,
    zone,
    origin: sourceRef(ctx, { start: decl.span.start, end: decl.span.start + 4 }),
  };
}

function lowerPackage(ctx: CheckContext, item: Extract<A.FeesItem, { kind: "package" }>): Omit<FeesIR["packages"][number], "plan" | "price" | "origin"> | null {
  let options: { regime: string; hours: string }[] = [];
  let draws: string | null = null;
  let buy: { months: string; span: A.Decl["span"] } | null = null;
  let expires: { months: string; span: A.Decl["span"] } | null = null;
  let from: string | null = null;
  const months = (it: { amount: A.Lit<string> | null; unit: A.UnitName | null; from: A.Name | null; span: A.Decl["span"] }) => {
    if (it.unit !== "month" || !it.amount) {
      ctx.diagnostics.error("SLA304", it.span, "package deadlines are counted in months", { help: "write `3 months after trialStart`" });
      return null;
    }
    if (it.from && !PERIOD_DATES.includes(it.from.text)) {
      ctx.diagnostics.error("SLA101", it.from.span, `unknown period date \`${it.from.text}\``, { help: `months count from ${PERIOD_DATES.map((d) => `\`${d}\``).join(", ")}` });
      return null;
    }
    from = it.from?.text ?? from;
    return { months: it.amount.value, span: it.span };
  };
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
    else if (it.kind === "buyWithin") buy = months(it);
    else expires = months(it);
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
  return { options, draws, buyWithinMonths: buy?.months ?? null, expiresAfterMonths: expires?.months ?? null, from: from ?? "trialStart" };
}
