/**
 * The vocabularies live in @marsad/contracts (vocabulary.ts). This name stays only for the
 * summaries' imports while issue 9 changes those files; import from @marsad/contracts instead.
 */
export { PROJECT_STATUSES, STALE_AFTER_DAYS, type ProjectStatus } from '@marsad/contracts';
