/** The shapes of the rig CSV's export and import dry run (lib/rigs/rig-csv.ts). */

/** One rig as the CSV carries it. */
export interface RigCsvFields {
  name: string;
  address: string;
  port: number;
  driver: string;
  /** The site's name. */
  site: string;
  building: string | null;
  rack: string | null;
  position: string | null;
}

/** A registered rig as the import compares it. */
export interface RegisteredRig extends RigCsvFields {
  id: number;
}

/** What the dry run knows of the database and the drivers. */
export interface RigImportContext {
  rigs: readonly RegisteredRig[];
  sites: readonly { id: number; name: string }[];
  /** Default API port by driver name; its keys are the known drivers. */
  defaultPorts: Readonly<Record<string, number>>;
}

/** One row of the file and what the import would do with it. */
export type PlannedRow =
  | { line: number; action: 'new'; rig: RigCsvFields; siteId: number }
  | { line: number; action: 'updated'; rig: RigCsvFields; siteId: number; rigId: number; changes: string[] }
  | { line: number; action: 'unchanged'; rig: RigCsvFields; rigId: number }
  | { line: number; action: 'refused'; reasons: string[]; name: string; address: string };

/** The dry run: every row with its action, and how many of each. */
export interface RigImportPlan {
  rows: PlannedRow[];
  counts: Record<PlannedRow['action'], number>;
}
