/**
 * `formatSla`: the formatter as a function, for `sla fmt` and the language server. Syntax
 * errors come back as data (the editor shows them as diagnostics); an internal error still
 * throws, because it is a bug in the formatter, not something the user can fix.
 */
import { format } from "prettier";
import type { SyntaxError } from "../grammar/parse.js";
import { SlaSyntaxError } from "./errors.js";
import { plugin } from "./plugin.js";

/** The prettier options that mean something for `.sla` (see STYLE.md, formatter notes). */
export interface FormatOptions {
  /** Only long lists (`a, b, c`) break to fit; strings and tables never do. Default 80. */
  printWidth?: number;
  /** Spaces per indentation level. Default 2. */
  tabWidth?: number;
  /** Indent with tabs. Default false. */
  useTabs?: boolean;
  /** Line ending of the output; `auto` keeps the input's first one. Default `lf`. */
  endOfLine?: "lf" | "crlf" | "cr" | "auto";
}

/** The formatted text, or the parser's diagnostics when the text has syntax errors. */
export type FormatResult = { ok: true; text: string } | { ok: false; errors: SyntaxError[] };

/**
 * Format a `.sla` text. Returns `{ ok: false, errors }` when it does not parse; throws
 * `SlaFormatInternalError` if the output would not mean the same as the input.
 */
export async function formatSla(text: string, options: FormatOptions = {}): Promise<FormatResult> {
  try {
    const formatted = await format(text, { ...options, parser: "sla", plugins: [plugin] });
    return { ok: true, text: formatted };
  } catch (error) {
    if (error instanceof SlaSyntaxError) return { ok: false, errors: [...error.errors] };
    throw error;
  }
}
