// A worker thread starts as plain Node, whether the app runs under tsx, vitest or `pnpm start`:
// tsx's API loads the TypeScript worker (and what it imports) inside this thread.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pgliteWorker.ts', import.meta.url);
