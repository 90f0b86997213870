/**
 * Example cases (SPEC §4 `sla test`): a ticket or a period written inside the policy, with the
 * answers the policy must give. Lowered to the JSON shapes of SPEC §3/§6 so `sla test` runs them
 * through the same runtime entry points as every other caller.
 */
import { DateTime } from "luxon";
import type { ExampleIR, Expectation } from "../runtime/ir.js";
import type * as A from "./ast.js";
import { checkClockEvents, checkFieldValue } from "./attributes.js";
import { checkHolidayCode, checkZone } from "./calendars.js";
import { type CheckContext, sourceRef } from "./context.js";

/** Without `as of`, an example is judged when everything in it has happened. */
export const EXAMPLE_DEFAULT_AS_OF = "2100-01-01T00:00:00Z";

function validInstant(ctx: CheckContext, at: A.Lit<string> | null): string | null {
  if (!at) return null;
  // Not Date.parse: V8 accepts days that do not exist (`2026-02-30T10:00Z`).
  if (!DateTime.fromISO(at.value, { setZone: true }).isValid) {
    ctx.diagnostics.error("SLA206", at.span, `invalid instant \`${at.value}\``, { help: "write an ISO-8601 instant with an offset: `2026-03-27T16:30:00+01:00`" });
    return null;
  }
  return at.value;
}

const FIELD_KIND = { priority: "priority", plan: "plan", region: "region", channel: "channel", cause: "cause" } as const;

/** `product x` → `["product", "x"]`; `phone_escalated true` → `["phone_escalated", true]`; null when unknown (reported). */
function attributeOf(ctx: CheckContext, field: A.Name, value: A.Name | null): [string, string | boolean] | null {
  if (!value) return null;
  if (ctx.symbols.has("flag", field.text)) {
    ctx.symbols.resolve("flag", field);
    if (value.text === "true" || value.text === "false") return [field.text, value.text === "true"];
    ctx.diagnostics.error("SLA106", value.span, `flag \`${field.text}\` is \`true\` or \`false\`, not \`${value.text}\``, { help: `write \`${field.text} true\`` });
    return null;
  }
  if (!ctx.symbols.has("field", field.text)) {
    // Neither a field nor a flag: suggest among both.
    const kind = ctx.symbols.names("flag").length > 0 && ctx.symbols.names("field").length === 0 ? "flag" : "field";
    ctx.symbols.resolve(kind, field);
    return null;
  }
  return checkFieldValue(ctx, field, value) ? [field.text, value.text] : null;
}

export function lowerExample(ctx: CheckContext, ex: A.ExampleDecl, targets: readonly string[]): ExampleIR | null {
  const name = ex.name?.value ?? "example";
  const ticket: Record<string, unknown> = { id: name };
  const events: { at: string; type: string; priority?: string }[] = [];
  const attributes: Record<string, string | boolean> = {};
  const customer: { zone?: string; holidays?: string[] } = {};
  const expectations: Expectation[] = [];
  let periodFile: string | null = null;
  let opened = false;
  /** An `opened` line was written (its instant may be invalid, already reported). */
  let openedLine = false;
  for (const item of ex.items) {
    switch (item.kind) {
      case "ticketId":
        if (item.id) ticket["id"] = item.id.value;
        break;
      case "field":
        if (!item.value) break;
        if (item.field === "language") ticket["language"] = item.value.text;
        else if (ctx.symbols.resolve(FIELD_KIND[item.field], item.value)) ticket[item.field] = item.value.text;
        break;
      case "attribute": {
        const pair = attributeOf(ctx, item.field, item.value);
        if (pair) attributes[pair[0]] = pair[1];
        break;
      }
      case "customerZone":
        if (item.zone && checkZone(ctx, item.zone)) customer.zone = item.zone.value;
        break;
      case "customerHolidays":
        customer.holidays = item.codes.filter((c) => checkHolidayCode(ctx, c)).map((c) => c.value);
        break;
      case "opened": {
        openedLine = true;
        const at = validInstant(ctx, item.at);
        if (at) {
          ticket["openedAt"] = at;
          opened = true;
        }
        break;
      }
      case "event": {
        const at = validInstant(ctx, item.at);
        if (!at || !item.event || checkClockEvents(ctx, [item.event]).length === 0) break;
        if (item.event.value === "open") {
          ctx.diagnostics.error("SLA601", item.event.span, "a ticket opens with `opened <instant>`", { help: "write `opened 2026-03-27T16:30:00+01:00`" });
          break;
        }
        if (item.event.value === "reprioritize") {
          if (!item.priority) {
            ctx.diagnostics.error("SLA601", item.span, "`reprioritize` names the new priority", { help: "write `reprioritize to P1 at …`" });
            break;
          }
          if (ctx.symbols.resolve("priority", item.priority)) events.push({ at, type: "reprioritize", priority: item.priority.text });
          break;
        }
        events.push({ at, type: item.event.value });
        break;
      }
      case "asOf": {
        const at = validInstant(ctx, item.at);
        if (at) ticket["asOf"] = at;
        break;
      }
      case "period":
        periodFile = item.file?.value ?? null;
        break;
      case "expectTarget":
        if (!item.target) break;
        if (!targets.includes(item.target.text)) {
          ctx.symbols.resolve("target", item.target);
          break;
        }
        ctx.symbols.resolve("target", item.target);
        if (item.due) validInstant(ctx, item.due);
        expectations.push({
          kind: "target",
          target: item.target.text,
          status: item.status?.value ?? null,
          due: item.due?.value ?? null,
          dueNone: item.dueNone,
          ...(item.breaches ? { breaches: item.breaches.value } : {}),
          origin: sourceRef(ctx, item.span),
        });
        break;
      case "expectEscalation": {
        const role = ctx.symbols.resolve("role", item.role);
        if (role) expectations.push({ kind: "escalation", role: role.name.text, at: item.at?.value ?? null, origin: sourceRef(ctx, item.span) });
        break;
      }
      case "expectNoEscalation":
        expectations.push({ kind: "noEscalation", origin: sourceRef(ctx, item.span) });
        break;
      case "expectCredit":
        expectations.push({ kind: "credit", percent: item.percent?.value ?? null, origin: sourceRef(ctx, item.span) });
        break;
      case "expectAvailability":
        if (item.name && item.percent) expectations.push({ kind: "availability", name: item.name.text, percent: item.percent.value, origin: sourceRef(ctx, item.span) });
        break;
      case "expectObjective":
        if (item.name && item.status) {
          if (item.status.value === "met" || item.status.value === "missed") expectations.push({ kind: "objective", name: item.name.text, status: item.status.value, origin: sourceRef(ctx, item.span) });
          else ctx.diagnostics.error("SLA601", item.status.span, `an objective is \`met\` or \`missed\`, not \`${item.status.value}\``, { help: "write `met` or `missed`" });
        }
        break;
      case "expectSettle":
        if (item.value) expectations.push({ kind: "settle", field: item.path, value: item.value.value, origin: sourceRef(ctx, item.span) });
        break;
    }
  }
  const anchor = ex.name?.span ?? ex.span;
  if (!ex.items.some((i) => i.kind.startsWith("expect"))) {
    ctx.diagnostics.error("SLA601", anchor, `example \`${name}\` expects nothing`, { help: "add an expectation such as `expect response met`" });
  }
  const origin = sourceRef(ctx, anchor);
  if (periodFile !== null) {
    if (openedLine) ctx.diagnostics.error("SLA601", anchor, "an example checks either a ticket or a period, not both", { help: "split it into two examples" });
    const wrong = expectations.find((e) => e.kind !== "settle" && e.kind !== "availability" && e.kind !== "objective");
    if (wrong) ctx.diagnostics.error("SLA601", anchor, "a period example expects settlement fields", { help: 'write `expect invoice.total "70.79"`' });
    return { kind: "settle", name, periodFile, expectations, origin };
  }
  if (!opened) {
    if (openedLine) return null;
    ctx.diagnostics.error("SLA601", anchor, `example \`${name}\` has no ticket`, { help: "add `opened <instant>` (and the ticket's priority, plan, region…), or `period \"file.json\"`" });
    return null;
  }
  if (expectations.some((e) => e.kind === "settle" || e.kind === "availability" || e.kind === "objective")) {
    ctx.diagnostics.error("SLA601", anchor, "settlement fields are expected of a period, not a ticket", { help: 'add `period "examples/periods/….json"`' });
  }
  ticket["events"] = events;
  if (Object.keys(attributes).length > 0) ticket["attributes"] = attributes;
  if (customer.zone !== undefined || customer.holidays !== undefined) ticket["customer"] = customer;
  ticket["asOf"] ??= EXAMPLE_DEFAULT_AS_OF;
  return { kind: "ticket", name, ticket, expectations, origin };
}
