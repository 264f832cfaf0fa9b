import type { Database } from '@marsad/db';
import type { DemoOptions, DemoSummary } from './DemoOptions.ts';
import { writeDemoData } from './writeDemoData.ts';

/**
 * Fills a migrated database that has its boundaries loaded with realistic, clearly labelled
 * demo data (organizations, demo accounts, projects, zones, three years of progress, funding,
 * sharing), in one transaction. Refuses if demo data is already there.
 */
export function seedDemoData(db: Database, options: DemoOptions = {}): Promise<DemoSummary> {
  return db.transaction((tx) => writeDemoData(tx, options));
}
