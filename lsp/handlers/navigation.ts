/**
 * Requests about the name or clause at a position: hover, definition, references, rename.
 *
 * Hover (hover.ts) is imported on the first hover request: its text needs the runtime and
 * date-holidays, which the server does not load at start (time to `initialize`, issue 10).
 */
import { definition } from "../features/definition.js";
import { references } from "../features/references.js";
import { prepareRename, rename } from "../features/rename.js";
import { atPosition, includeDeclaration, newName } from "../params.js";
import type { Session } from "./session.js";

export function registerNavigation(session: Session): void {
  const { connection } = session;
  const current = (uri: string) => session.docs().current(uri);
  connection.onHover(async (params) => {
    const { uri, position } = atPosition(params);
    const { hoverWithoutWaiting } = await import("./hover.js");
    return hoverWithoutWaiting(session.docs(), uri, position);
  });
  connection.onDefinition((params) => {
    const { uri, position } = atPosition(params);
    const c = current(uri);
    return c ? definition(c, position) : null;
  });
  connection.onReferences((params) => {
    const { uri, position } = atPosition(params);
    const c = current(uri);
    return c ? references(c, position, includeDeclaration(params)) : [];
  });
  connection.onPrepareRename((params) => {
    const { uri, position } = atPosition(params);
    const c = current(uri);
    return c ? prepareRename(c, position) : null;
  });
  connection.onRenameRequest((params) => {
    const { uri, position } = atPosition(params);
    const name = newName(params);
    const c = current(uri);
    return c ? rename(c, position, name) : null;
  });
}
