import { createRouter } from '../http/router.ts';

/** /api/briefs: the minister's brief as JSON (for the print page) and as PDF (printed by headless Chromium). */
export const briefRoutes = createRouter();
