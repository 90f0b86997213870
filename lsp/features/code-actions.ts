/**
 * Quick fixes: the compiler attaches fixes to its diagnostics as text edits (did-you-mean
 * suggestions, the missing rows of a goal matrix); each becomes a code action.
 *
 * The fixes are read from the server's own check of the current version, not from the
 * diagnostics the client sends back: clients are not required to round-trip any extra data.
 */
import { type CodeAction, CodeActionKind, type Range } from "vscode-languageserver";
import type { Checked } from "../documents.js";
import { rangeOf, spanOf, toLspDiagnostic } from "./diagnostics.js";

/** Quick fixes for the diagnostics that touch `range`. */
export function codeActions(checked: Checked, range: Range, only?: readonly string[]): CodeAction[] {
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
  const { result, uri } = checked;
  const want = spanOf(result.file, range);
  const actions: CodeAction[] = [];
  for (const d of result.diagnostics) {
    // Touching counts: a cursor at either end of the underlined text asks for its fixes.
    if (!d.fixes || d.span.end < want.start || d.span.start > want.end) continue;
    for (const fix of d.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(d, result.file, uri)],
        isPreferred: d.fixes.length === 1,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: rangeOf(result.file, e.span), newText: e.newText })) } },
      });
    }
  }
  return actions;
}
