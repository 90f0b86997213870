/**
 * Percentages of credits and fees, kept as the exact text the policy wrote (`20%` → `"20"`,
 * `0.7%` → `"0.7"`): no binary number ever holds a rate, so `0.7 %` of 65.00 stays 0.455 and
 * rounds to 0.46. The range is checked on the text (SLA305).
 */
import type { Span } from "../grammar/source.js";
import { isPercentText } from "../runtime/ir-constants.js";
import type { CheckContext } from "./context.js";

/** The decimal a percentage clause or cell at `span` was written with (`12.5 %` → `"12.5"`). */
export function percentText(ctx: CheckContext, span: Span): string {
  return /\d+(?:\.\d+)?/.exec(ctx.file.text.slice(span.start, span.end))?.[0] ?? "";
}

/**
 * The percentage written at `span` as exact decimal text, or `null` (reported as SLA305) when it
 * lies outside 0–100 % or has more than 6 decimals.
 */
export function lowerPercent(ctx: CheckContext, span: Span): string | null {
  const text = percentText(ctx, span);
  if (isPercentText(text)) return text;
  const decimals = text.split(".")[1]?.length ?? 0;
  if (decimals > 6 && isPercentText(text.slice(0, text.length - decimals + 6))) {
    ctx.diagnostics.error("SLA305", span, `${text}% has more than 6 decimals`, { help: "write a percentage with at most 6 decimals" });
  } else {
    ctx.diagnostics.error("SLA305", span, `${text}% is outside 0–100%`, { help: "a percentage lies between 0% and 100%" });
  }
  return null;
}
