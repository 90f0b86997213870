/**
 * The prettier plugin for `.sla` files, published as `sla-lang/prettier`:
 *
 *     npx prettier --plugin sla-lang/prettier --check "policies/*.sla"
 *
 * Depends on `grammar/` and prettier only, not on `compiler/`: a file that fails type-checking
 * must still format. `formatSla` is the entry point for `sla fmt` and the language server.
 */
import { plugin } from "./plugin.js";

export { languages, parsers, printers, type SlaAst } from "./plugin.js";
export { formatSla, type FormatOptions, type FormatResult } from "./format.js";
export { SlaFormatInternalError, SlaSyntaxError } from "./errors.js";

/** The plugin object (`languages`, `parsers`, `printers`), for `plugins: [plugin]`. */
export default plugin;
