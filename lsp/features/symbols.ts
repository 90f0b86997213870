/**
 * The document's structure for the editor: the outline (each declaration with its clauses,
 * table rows and example lines as children), folding ranges (blocks, tables and runs of
 * comment lines), and semantic tokens (names coloured by what they name, durations as one
 * token, keywords, literals, comments).
 */
import type { IToken } from "chevrotain";
import {
  type DocumentSymbol,
  type FoldingRange,
  FoldingRangeKind,
  SemanticTokensBuilder,
  type SemanticTokens,
  type SemanticTokensLegend,
  SymbolKind as LspSymbolKind,
} from "vscode-languageserver";
import type * as A from "../../compiler/ast.js";
import type { CompileResult } from "../../compiler/index.js";
import type { Span } from "../../grammar/source.js";
import { slaLexer } from "../../grammar/tokens.js";
import { positionAt, rangeOf } from "./diagnostics.js";
import { KIND_STYLES } from "./kinds.js";
import { occurrences } from "./occurrences.js";

// ---- outline -------------------------------------------------------------------------------

/** The clause's text with whitespace folded, as a child's name. */
function clauseText(result: CompileResult, span: Span): string {
  return result.file.text.slice(span.start, span.end).replace(/\s+/g, " ").trim() || "…";
}

function symbol(
  result: CompileResult,
  name: string,
  kind: LspSymbolKind,
  span: Span,
  select: Span | null,
  children: DocumentSymbol[] = [],
  detail?: string,
): DocumentSymbol {
  // The selection must lie inside the range; a broken declaration may lack its name.
  const sel = select && select.start >= span.start && select.end <= span.end ? select : { start: span.start, end: span.start };
  return {
    name: name.trim() || "…",
    kind,
    range: rangeOf(result.file, span),
    selectionRange: rangeOf(result.file, sel),
    ...(detail ? { detail } : {}),
    ...(children.length > 0 ? { children } : {}),
  };
}

function tableRows(result: CompileResult, table: A.Table): DocumentSymbol[] {
  return table.rows.slice(1).map((row) => {
    const key = row.cells[0];
    const name = key?.kind === "name" ? key.name.text : clauseText(result, key?.span ?? row.span);
    return symbol(result, name, LspSymbolKind.EnumMember, row.span, key?.span ?? null, [], clauseText(result, row.span));
  });
}

function tableSymbol(result: CompileResult, table: A.Table, name: string): DocumentSymbol {
  return symbol(result, name, LspSymbolKind.Array, table.span, null, tableRows(result, table), clauseText(result, table.rows[0]?.span ?? table.span));
}

function clause(result: CompileResult, item: { span: Span }): DocumentSymbol {
  return symbol(result, clauseText(result, item.span), LspSymbolKind.Property, item.span, null);
}

function declSymbol(result: CompileResult, d: A.Decl): DocumentSymbol {
  switch (d.kind) {
    case "calendar":
    case "region": {
      const style = KIND_STYLES[d.kind];
      return symbol(
        result,
        d.name?.text ?? d.kind,
        style.symbol,
        d.span,
        d.name?.span ?? null,
        d.items.map((i) => clause(result, i)),
        d.title?.value,
      );
    }
    case "named":
      return symbol(result, d.name?.text ?? d.what, KIND_STYLES[d.what].symbol, d.span, d.name?.span ?? null, [], d.text?.value);
    case "priorityCap":
      return symbol(result, `priority at most ${d.level?.text ?? ""}`, KIND_STYLES.priority.symbol, d.span, d.level?.span ?? null, [], d.text?.value);
    case "exclude":
      return symbol(result, `exclude ${d.field ? `${d.field.text} ` : d.what === "attribute" ? "" : `${d.what} `}${d.name?.text ?? ""}`, KIND_STYLES[d.what === "attribute" ? "flag" : d.what].symbol, d.span, d.name?.span ?? null, [], d.text?.value);
    case "field":
      return symbol(result, d.name?.text ?? "field", KIND_STYLES.field.symbol, d.span, d.name?.span ?? null, d.values.map((v) => clause(result, v)), d.title?.value);
    case "target": {
      const children = [...d.clock, ...(d.kpi ? [d.kpi] : []), ...d.calendars].map((c) => clause(result, c));
      children.push(...d.goals.map((g) => tableSymbol(result, g, "goals")));
      children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      return symbol(result, d.name?.text ?? "target", KIND_STYLES.target.symbol, d.span, d.name?.span ?? null, children, d.title?.value);
    }
    case "escalation": {
      const children = [
        ...d.clock.map((c) => clause(result, c)),
        ...d.calendars.map((c) => clause(result, c)),
        ...d.tables.map((t) => tableSymbol(result, t, "levels")),
      ];
      const plans = d.plans.map((p) => p.text).join(", ");
      return symbol(result, plans ? `escalation for ${plans}` : "escalation", LspSymbolKind.Object, d.span, null, children);
    }
    case "credits": {
      const plans = d.plans.map((p) => p.text).join(", ");
      const children = d.items.map((i) => (i.kind === "table" ? tableSymbol(result, i, "credits") : clause(result, i)));
      return symbol(result, plans ? `credits for ${plans}` : "credits", LspSymbolKind.Object, d.span, null, children);
    }
    case "availability":
    case "objective": {
      const children = d.items.map((i) => (i.kind === "bands" ? tableSymbol(result, i.table, "credits") : clause(result, i)));
      return symbol(result, d.name?.text ?? d.kind, LspSymbolKind.Object, d.span, d.name?.span ?? null, children, d.title?.value);
    }
    case "fees": {
      const children = d.items.map((i) =>
        i.kind === "package"
          ? symbol(
              result,
              `package ${i.plan?.text ?? ""}`,
              LspSymbolKind.Object,
              i.span,
              i.plan?.span ?? null,
              i.items.map((p) => clause(result, p)),
            )
          : clause(result, i),
      );
      return symbol(result, "fees", LspSymbolKind.Object, d.span, null, children);
    }
    case "period":
      return clause(result, d);
    case "example":
      return symbol(
        result,
        d.name ? `example "${d.name.value}"` : "example",
        LspSymbolKind.Method,
        d.span,
        d.name?.span ?? null,
        d.items.map((i) => clause(result, i)),
      );
  }
}

/** The outline: the policy header, then each declaration with its clauses. */
export function documentSymbols(result: CompileResult): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const h = result.ast.header;
  if (h) out.push(symbol(result, `policy ${h.id?.text ?? ""}`, LspSymbolKind.Package, h.span, h.id?.span ?? null, [], h.title?.value));
  for (const d of result.ast.decls) out.push(declSymbol(result, d));
  return out;
}

// ---- folding -------------------------------------------------------------------------------

/** Blocks of a declaration that fold on their own: the declaration, its tables and packages. */
function blocks(d: A.Decl): Span[] {
  switch (d.kind) {
    case "target":
      return [d.span, ...d.goals.map((g) => g.span)];
    case "escalation":
      return [d.span, ...d.tables.map((t) => t.span)];
    case "credits":
      return [d.span, ...d.items.filter((i) => i.kind === "table").map((t) => t.span)];
    case "fees":
      return [d.span, ...d.items.filter((i) => i.kind === "package").map((p) => p.span)];
    case "calendar":
    case "region":
    case "example":
      return [d.span];
    default:
      return [];
  }
}

/** Folding ranges: every block (the closing `}` stays visible) and every run of 2+ comment lines. */
export function foldingRanges(result: CompileResult): FoldingRange[] {
  const { file } = result;
  const out: FoldingRange[] = [];
  for (const d of result.ast.decls) {
    for (const span of blocks(d)) {
      if (span.end <= span.start) continue;
      const startLine = positionAt(file, span.start).line;
      const end = positionAt(file, span.end - 1);
      const closesOwnLine = file.text.slice(file.lineStarts[end.line] ?? 0, span.end - 1).trim() === "";
      const endLine = closesOwnLine ? end.line - 1 : end.line;
      if (endLine > startLine) out.push({ startLine, endLine });
    }
  }
  let run: number | null = null;
  const lines = file.lineStarts.length;
  for (let line = 0; line <= lines; line++) {
    // Comments never share a line with a string start, so a line starting with `//` is a comment.
    const isComment =
      line < lines &&
      file.text
        .slice(file.lineStarts[line]!, file.lineStarts[line + 1] ?? file.text.length)
        .trimStart()
        .startsWith("//");
    if (isComment && run === null) run = line;
    if (!isComment && run !== null) {
      if (line - 1 > run) out.push({ startLine: run, endLine: line - 1, kind: FoldingRangeKind.Comment });
      run = null;
    }
  }
  return out;
}

// ---- semantic tokens -----------------------------------------------------------------------

/** Token types, by index. The kind tokens of KIND_STYLES are all listed here. */
const TOKEN_TYPES = [
  "keyword",
  "comment",
  "string",
  "number",
  "duration",
  "operator",
  "class",
  "enumMember",
  "namespace",
  "struct",
  "function",
  "variable",
  "interface",
  "type",
  "property",
  "event",
] as const;
const TOKEN_MODIFIERS = ["declaration"] as const;

/** The legend announced in the server's capabilities. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const typeIndex = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const LITERALS = new Set(["NumberLit", "Percent", "DateTime", "DateLit", "ClockTime"]);
const DURATION_UNIT_TYPES = new Set(["Unit", "Day", "Days"]);

/** Semantic tokens for the whole document. */
export function semanticTokens(result: CompileResult): SemanticTokens {
  const { file } = result;
  const lexed = slaLexer.tokenize(file.text);
  const all: IToken[] = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const names = new Map(occurrences(result).map((o) => [o.span.start, o]));
  const builder = new SemanticTokensBuilder();
  const push = (start: number, end: number, type: string, declaration = false) => {
    const at = positionAt(file, start);
    builder.push(at.line, at.character, end - start, typeIndex.get(type)!, declaration ? 1 : 0);
  };
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    const type = t.tokenType.name;
    const start = t.startOffset;
    const end = start + t.image.length;
    if (type === "Comment") push(start, end, "comment");
    else if (type === "StringLit") push(start, end, "string");
    else if (LITERALS.has(type)) {
      // `4 business hours` is one token: the number and its unit mean nothing apart.
      const duration = type === "NumberLit" ? durationEnd(all, i, file.text) : null;
      if (duration) {
        push(start, duration[1], "duration");
        i = duration[0];
      } else push(start, end, "number");
    } else if (type === "Pipe") push(start, end, "operator");
    else if (type === "Identifier") {
      const o = names.get(start);
      if (o) push(start, end, KIND_STYLES[o.kind].token, o.declaration);
    } else if (t.tokenType.CATEGORIES?.some((c) => c.name === "Word") || type === "AlwaysOpen") push(start, end, "keyword");
  }
  return builder.build();
}

/** When token `i` starts a duration on one line (`4 hours`, `2 business days`): its last token and end offset. */
function durationEnd(all: readonly IToken[], i: number, text: string): [number, number] | null {
  let j = i + 1;
  if (all[j]?.tokenType.name === "Business") j++;
  const unit = all[j];
  if (!unit || !DURATION_UNIT_TYPES.has(unit.tokenType.name)) return null;
  const end = unit.startOffset + unit.image.length;
  return /[\r\n]/.test(text.slice(all[i]!.startOffset, end)) ? null : [j, end];
}
