import { createRouter } from '../../http/router.ts';

/** `/api/plans`: plans, their versions and targets (draft → approved → revised), XLSX in and out. */
export const planLifecycleRoutes = createRouter();
