/**
 * What every checking stage shares: the file, its diagnostics, its symbols, and a way to cite
 * the source of a clause in the IR.
 */
import { lineCol, type SourceFile, type Span } from "../grammar/source.js";
import type { SourceRef } from "../runtime/ir.js";
import type { DiagnosticBag } from "./diagnostic.js";
import type { SymbolTable } from "./symbols.js";

export interface CheckContext {
  readonly file: SourceFile;
  readonly diagnostics: DiagnosticBag;
  readonly symbols: SymbolTable;
}

/** Cite a clause: its position and its text with whitespace folded (tables stay one line). */
export function sourceRef(ctx: CheckContext, span: Span): SourceRef {
  const { line, column } = lineCol(ctx.file, span.start);
  const raw = ctx.file.text.slice(span.start, span.end);
  // Most clauses are one line with single spaces: skip the regular expression for them.
  const text = /\s\s|[\t\n\r]/.test(raw) ? raw.replace(/\s+/g, " ").trim() : raw.trim();
  return { file: ctx.file.path, line, column, text };
}
