/**
 * The package's main entry (`sla-lang`): compile a policy, then evaluate tickets and settle
 * periods with the runtime. The runtime alone is `sla-lang/runtime`.
 */
export { compile, type CompileResult } from "./index.js";
export { renderText, renderJson } from "./render.js";
export { Codes, type Code } from "./codes.js";
export type { Diagnostic, Fix, Severity } from "./diagnostic.js";
export * from "../runtime/index.js";
