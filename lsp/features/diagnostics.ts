/**
 * Compiler diagnostics → LSP diagnostics, and the one place where UTF-16 offsets and LSP
 * positions are converted (STYLE: line/column conversion only at the edges).
 *
 * Both sides count UTF-16 code units, so a position is just (line, offset − lineStart): no
 * re-encoding. Line starts come from `SourceFile` (grammar/source.ts), which breaks lines on
 * `\n`, `\r\n` and a lone `\r` exactly as the LSP specification does.
 */
import {
  type Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
} from "vscode-languageserver";
import type { Diagnostic } from "../../compiler/diagnostic.js";
import { MAX_QUOTED_HINT_LENGTH, printableMessage } from "../../compiler/render.js";
import { lineCol, type SourceFile, type Span } from "../../grammar/source.js";

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = "sla";

/**
 * At most this many diagnostics are published per document. Binary junk produces one lexical
 * error per byte; hundreds of thousands of entries would only choke the editor.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/** The LSP position of a UTF-16 offset (clamped into the text). */
export function positionAt(file: SourceFile, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  const { line, column } = lineCol(file, clamped);
  return { line: line - 1, character: column - 1 };
}

/**
 * The UTF-16 offset of an LSP position. A character past the end of its line is clamped to the
 * line's end (the specification asks for that); a line past the end gives the text's end.
 */
export function offsetAt(file: SourceFile, position: Position): number {
  const starts = file.lineStarts;
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return file.text.length;
  const start = starts[position.line]!;
  const next = starts[position.line + 1] ?? file.text.length;
  // The line's end excludes its line break, so a huge `character` never lands on the next line.
  let end = next;
  if (end > start && file.text.charCodeAt(end - 1) === 10) end--;
  if (end > start && file.text.charCodeAt(end - 1) === 13) end--;
  return Math.min(start + Math.max(0, position.character), end);
}

/** The LSP range of a span. */
export function rangeOf(file: SourceFile, span: Span): Range {
  return { start: positionAt(file, span.start), end: positionAt(file, span.end) };
}

/** The span of an LSP range. */
export function spanOf(file: SourceFile, range: Range): Span {
  const a = offsetAt(file, range.start);
  const b = offsetAt(file, range.end);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/**
 * One compiler diagnostic in LSP form: the same code and message as `sla check`, the help on a
 * line of its own (editors show the message as a block, and `help:` reads as in the CLI), the
 * labels as related information (a duplicate points at its first declaration).
 */
export function toLspDiagnostic(d: Diagnostic, file: SourceFile, uri: string): LspDiagnostic {
  const related: DiagnosticRelatedInformation[] = (d.labels ?? []).map((l) => ({
    location: { uri, range: rangeOf(file, l.span) },
    message: printableMessage(l.message),
  }));
  return {
    range: rangeOf(file, d.span),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    // As `sla check` prints them (issue 9.8, 9.14): long quoted values shortened, control
    // characters made visible; an editor's problem list is a terminal of its own.
    message: d.help ? `${printableMessage(d.message)}\nhelp: ${printableMessage(d.help, MAX_QUOTED_HINT_LENGTH)}` : printableMessage(d.message),
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    // Editors grey out unused declarations instead of underlining them.
    ...(d.code === "SLA901" ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

/** All of a document's diagnostics in LSP form, capped at MAX_PUBLISHED_DIAGNOSTICS. */
export function toLspDiagnostics(diagnostics: readonly Diagnostic[], file: SourceFile, uri: string): LspDiagnostic[] {
  return diagnostics.slice(0, MAX_PUBLISHED_DIAGNOSTICS).map((d) => toLspDiagnostic(d, file, uri));
}
