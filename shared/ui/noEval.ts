/**
 * Imported first by index.ts, before any module builds a zod schema: the pane's CSP forbids eval, and zod
 * otherwise probes the Function constructor as its object schemas are built, which the browser blocks and
 * reports as a policy violation. Jitless zod validates the same, without generated code.
 */
import { config } from 'zod';

config({ jitless: true });
