import type { Role } from '@marsad/contracts';

/**
 * Who may do what on the planning screens, as api/src/access/planAccess.ts decides it (the API
 * refuses anyone else; the page only leaves out what would be refused).
 */
const MINISTRY: readonly Role[] = ['admin', 'minister', 'viewer', 'planner'];
const DRAFTERS: readonly Role[] = ['admin', 'planner'];
const APPROVERS: readonly Role[] = ['admin', 'minister'];

/** The plan dialog: the ministry (a viewer sees only the follow-up of returns). */
export const mayOpenPlans = (role: Role): boolean => MINISTRY.includes(role);
/** Versions, targets and their files: planners and approvers. */
export const mayManagePlans = (role: Role): boolean => DRAFTERS.includes(role) || APPROVERS.includes(role);
export const mayDraft = (role: Role): boolean => DRAFTERS.includes(role);
export const mayApprove = (role: Role): boolean => APPROVERS.includes(role);
export const mayPublish = (role: Role): boolean => role === 'admin';
/** The returns form: engineers, for their governorates. */
export const mayReturn = (role: Role): boolean => role === 'engineer';
