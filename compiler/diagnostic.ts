/**
 * Diagnostics are data: collected, never thrown, rendered only at the edges (CLI, LSP).
 * Message style: lowercase, no final period, names in backticks; advice goes in `help`.
 */
import type { Span } from "../grammar/source.js";
import type { Code } from "./codes.js";

export type Severity = "error" | "warning";

/** A text edit that fixes a diagnostic (a did-you-mean, a missing table cell). */
export interface Fix {
  readonly title: string;
  readonly edits: readonly { readonly span: Span; readonly newText: string }[];
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly help?: string;
  /** Other places that explain this one (the first declaration of a duplicate). */
  readonly labels?: readonly { readonly span: Span; readonly message: string }[];
  readonly fixes?: readonly Fix[];
}

/** Collects diagnostics for one file. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  error(code: Code, span: Span, message: string, extra: Omit<Partial<Diagnostic>, "code" | "span" | "message" | "severity"> = {}): void {
    this.items.push({ code, severity: "error", message, span, ...extra });
  }

  warning(code: Code, span: Span, message: string, extra: Omit<Partial<Diagnostic>, "code" | "span" | "message" | "severity"> = {}): void {
    this.items.push({ code, severity: "warning", message, span, ...extra });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  }
}

/** Levenshtein distance, for did-you-mean suggestions. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a small edit distance, or null. */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // One edit changes half of a two-letter name (`P5` → `P1`, `ZZ` → `AZ`): too weak a hint.
  const limit = word.length < 3 ? 0 : Math.max(1, Math.floor(word.length / 3));
  return best !== null && bestDistance <= limit ? best : null;
}
