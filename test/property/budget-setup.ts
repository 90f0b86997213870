/** vitest `setupFiles`: every test file's fast-check properties get the run budget of budget.ts. */
import { configurePropertyBudget } from "./budget.js";

configurePropertyBudget();
