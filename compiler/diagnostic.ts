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

/** Did-you-mean lives in `suggest.ts`; re-exported here, where the checker has always found it. */
export { didYouMean } from "./suggest.js";
