/**
 * Every occurrence of a declared name in a checked document, declarations and resolved uses,
 * sorted by position: what hover, go to definition, references, rename and semantic tokens
 * look names up in. Built once per compile result and cached with it.
 */
import type { CompileResult } from "../../compiler/index.js";
import type { SymbolEntry, SymbolKind } from "../../compiler/symbols.js";
import type { Span } from "../../grammar/source.js";

/** Every kind of name the symbol table knows, in the order outlines and completions list them. */
export const SYMBOL_KINDS: readonly SymbolKind[] = ["plan", "priority", "calendar", "region", "target", "role", "channel", "work", "obligation", "cause"];

/** A name where it is written: in its declaration, or in a use the compiler resolved. */
export interface Occurrence {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly span: Span;
  /** true for the name in its declaration. */
  readonly declaration: boolean;
}

const cache = new WeakMap<CompileResult, readonly Occurrence[]>();

/** All occurrences, sorted by start offset, each span once. */
export function occurrences(result: CompileResult): readonly Occurrence[] {
  const cached = cache.get(result);
  if (cached) return cached;
  const bySpan = new Map<string, Occurrence>();
  const add = (o: Occurrence) => {
    const key = `${o.span.start}:${o.span.end}`;
    // A name resolved twice (a parent plan is resolved by two checks) is still one occurrence.
    if (!bySpan.has(key) || o.declaration) bySpan.set(key, o);
  };
  for (const kind of SYMBOL_KINDS) {
    for (const e of result.symbols.all(kind)) add({ kind, name: e.name.text, span: e.name.span, declaration: true });
  }
  for (const r of result.symbols.references) add({ kind: r.kind, name: r.name.text, span: r.name.span, declaration: false });
  const list = [...bySpan.values()].sort((a, b) => a.span.start - b.span.start);
  cache.set(result, list);
  return list;
}

/**
 * The occurrence under a cursor offset. A cursor just after a name still counts (editors put the
 * cursor there after double-click or typing), but a name starting at the cursor wins.
 */
export function occurrenceAt(result: CompileResult, offset: number): Occurrence | null {
  const list = occurrences(result);
  let lo = 0;
  let hi = list.length;
  // First occurrence starting after the offset.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const before = list[lo - 1];
  return before && offset <= before.span.end ? before : null;
}

/** The declaration of an occurrence's name, if it is declared. */
export function declarationOf(result: CompileResult, o: Occurrence): SymbolEntry | null {
  return result.symbols.get(o.kind, o.name) ?? null;
}

/** Every occurrence of one name of one kind (its declaration first when there is one). */
export function occurrencesOf(result: CompileResult, kind: SymbolKind, name: string): Occurrence[] {
  return occurrences(result)
    .filter((o) => o.kind === kind && o.name === name)
    .sort((a, b) => Number(b.declaration) - Number(a.declaration) || a.span.start - b.span.start);
}
