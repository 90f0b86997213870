/** Run the language server alone (`node dist/lsp/stdio-entry.js`), without the CLI around it. */
import { startServer } from "./server.js";

startServer();
