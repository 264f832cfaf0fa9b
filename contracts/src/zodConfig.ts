import { z } from 'zod';

/**
 * In the browser, zod must not compile its fast object parsers with `new Function`: the page's
 * Content-Security-Policy forbids eval, and even zod's caught probe for it is reported as a
 * violation (the browser tests fail on any). Set before any schema is made, so index.ts imports
 * this first. The server keeps the compiled parsers.
 */
if ('document' in globalThis) z.config({ jitless: true });
