/**
 * Moved to `features/imports/csvTemplate.ts`. This re-export stays only because
 * tests/api/importTemplate.test.ts imports this path; delete it once that test imports the new one.
 */
export * from '../features/imports/csvTemplate.ts';
