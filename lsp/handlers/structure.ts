/** Requests about a whole document's structure: outline, folding ranges, semantic tokens. */
import { documentSymbols, foldingRanges, semanticTokens } from "../features/symbols.js";
import { documentUri } from "../params.js";
import type { Session } from "./session.js";

export function registerStructure(session: Session): void {
  const { connection } = session;
  const current = (params: unknown) => session.docs().current(documentUri(params));
  connection.onDocumentSymbol((params) => {
    const c = current(params);
    return c ? documentSymbols(c.result) : [];
  });
  connection.onFoldingRanges((params) => {
    const c = current(params);
    return c ? foldingRanges(c.result) : [];
  });
  connection.languages.semanticTokens.on((params) => {
    const c = current(params);
    return c ? semanticTokens(c.result) : { data: [] };
  });
}
