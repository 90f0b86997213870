/**
 * How each kind of policy name is shown in an editor: its icon in outlines and completion lists
 * and its semantic token type. One table, so a plan looks the same everywhere.
 */
import { CompletionItemKind, SymbolKind as LspSymbolKind } from "vscode-languageserver";
import type { SymbolKind } from "../../compiler/symbols.js";

/** The editor-facing style of one kind of name. */
export interface KindStyle {
  /** Icon in the outline. */
  readonly symbol: LspSymbolKind;
  /** Icon in completion lists. */
  readonly completion: CompletionItemKind;
  /** Semantic token type (one of TOKEN_TYPES in symbols.ts). */
  readonly token: string;
  /** How the kind is called in hovers and details ("plan", "holiday calendar"…). */
  readonly noun: string;
}

/** The style of each kind of name the symbol table knows. */
export const KIND_STYLES: Readonly<Record<SymbolKind, KindStyle>> = {
  plan: { symbol: LspSymbolKind.Class, completion: CompletionItemKind.Class, token: "class", noun: "plan" },
  priority: { symbol: LspSymbolKind.EnumMember, completion: CompletionItemKind.EnumMember, token: "enumMember", noun: "priority" },
  calendar: { symbol: LspSymbolKind.Namespace, completion: CompletionItemKind.Module, token: "namespace", noun: "calendar" },
  region: { symbol: LspSymbolKind.Struct, completion: CompletionItemKind.Struct, token: "struct", noun: "region" },
  target: { symbol: LspSymbolKind.Function, completion: CompletionItemKind.Function, token: "function", noun: "target" },
  role: { symbol: LspSymbolKind.Constant, completion: CompletionItemKind.Constant, token: "variable", noun: "role" },
  channel: { symbol: LspSymbolKind.Interface, completion: CompletionItemKind.Interface, token: "interface", noun: "channel" },
  work: { symbol: LspSymbolKind.TypeParameter, completion: CompletionItemKind.TypeParameter, token: "type", noun: "kind of work" },
  obligation: { symbol: LspSymbolKind.Property, completion: CompletionItemKind.Property, token: "property", noun: "obligation" },
  cause: { symbol: LspSymbolKind.Event, completion: CompletionItemKind.Event, token: "event", noun: "cause" },
  field: { symbol: LspSymbolKind.Enum, completion: CompletionItemKind.Enum, token: "type", noun: "ticket field" },
  flag: { symbol: LspSymbolKind.Boolean, completion: CompletionItemKind.Value, token: "variable", noun: "ticket flag" },
  event: { symbol: LspSymbolKind.Event, completion: CompletionItemKind.Event, token: "event", noun: "declared event" },
};
