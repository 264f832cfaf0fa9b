import { createRouter } from '../http/router.ts';
import { planLifecycleRoutes } from './lifecycle/routes.ts';
import { planMatrixRoutes } from './matrix/routes.ts';

/** `/api/plans`: a plan's lifecycle and its matrix, under one prefix. */
export const planRoutes = createRouter();
planRoutes.route('/', planMatrixRoutes);
planRoutes.route('/', planLifecycleRoutes);
