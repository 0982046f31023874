/**
 * Storage figures, generic over the schema: bytes per table with its indexes (SQLite's dbstat virtual
 * table; page counts of the whole file where dbstat is missing), growth per table over the run's sweeps,
 * and the steady state per rig extrapolated with schema-model.ts.
 */
import type { Db } from '../lib/db/client';
import { STEADY_HORIZON_DAYS, TABLE_MODEL, RETENTION_DAYS, type TablePart } from './schema-model';
import { POLL_INTERVAL_MS } from './fleet';
import { round } from './stats';

/** Bytes (whole pages), bytes used in them, and rows of every table (its indexes counted with it). */
export type TableSizes = Record<string, { bytes: number; usedBytes: number; rows: number }>;

/** Below this many pages a table's mean row size is taken from the bytes its rows use, not whole pages. */
const SMALL_TABLE_PAGES = 50;

/** Mean bytes per row: whole pages for a table big enough that page fill is real, used bytes for a small one. */
function bytesPerRowOf(size: { bytes: number; usedBytes: number; rows: number }, pageSize: number): number | null {
  if (size.rows <= 0) return null;
  return (size.bytes >= SMALL_TABLE_PAGES * pageSize ? size.bytes : size.usedBytes) / size.rows;
}

function rowCount(db: Db, table: string): number {
  try {
    return (
      (db.sqlite
        .prepare(`select count(*) from "${table.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number) ?? 0
    );
  } catch {
    return 0; // sqlite_schema and other internal b-trees
  }
}

/** Bytes of each table with its indexes, from dbstat; null when SQLite was built without it. */
export function tableSizes(db: Db): TableSizes | null {
  let perBtree: { tbl: string; bytes: number; used: number }[];
  try {
    perBtree = db.sqlite
      .prepare(
        `select coalesce(s.tbl_name, d.name) as tbl, sum(d.pgsize) as bytes, sum(d.pgsize - d.unused) as used
           from dbstat('main', 1) d left join sqlite_schema s on s.name = d.name group by tbl`,
      )
      .all() as { tbl: string; bytes: number; used: number }[];
  } catch {
    return null;
  }
  const out: TableSizes = {};
  for (const { tbl, bytes, used } of perBtree) {
    out[tbl] = { bytes, usedBytes: used, rows: rowCount(db, tbl) };
  }
  return out;
}

/** The database file's pages, free pages and page size (works without dbstat). */
export function fileBytes(db: Db): { fileBytes: number; freeBytes: number; pageSize: number } {
  const pageSize = db.sqlite.pragma('page_size', { simple: true }) as number;
  const pages = db.sqlite.pragma('page_count', { simple: true }) as number;
  const free = db.sqlite.pragma('freelist_count', { simple: true }) as number;
  return { fileBytes: pages * pageSize, freeBytes: free * pageSize, pageSize };
}

export interface StorageFigures {
  /** Per table part: bytes per rig per day, days kept, steady-state bytes per rig. */
  perTable: Record<
    string,
    {
      bytesPerRow: number | null;
      rowsPerRigPerDay: number | null;
      bytesPerRigPerDay: number | null;
      keptDays: number | null;
      steadyBytesPerRig: number | null;
      modelled: boolean;
      unbounded?: true;
    }
  >;
  /** Tables that do not grow with time (rigs, rig_status, settings...), per rig. */
  staticBytesPerRig: number;
  steadyStateBytesPerRig: number;
  /** The same without the tables nothing prunes (they are counted over STEADY_HORIZON_DAYS above). */
  steadyStateBytesPerRigWithoutUnbounded: number;
  steadyStateMbPerRig: number | null;
  retentionDays: typeof RETENTION_DAYS;
  dbFileBytesAtEnd: number;
  source: string;
}

/**
 * Extrapolates: `before`/`after` bracket `sweeps` sweeps of `miners` rigs (per-sweep growth);
 * `final` is after the rollups ran (bucket tables' mean row size).
 */
export function steadyState(
  pageSize: number,
  before: TableSizes,
  after: TableSizes,
  final: TableSizes,
  sweeps: number,
  miners: number,
  fileAtEnd: number,
): StorageFigures {
  const sweepsPerDay = 86_400_000 / POLL_INTERVAL_MS;
  const perTable: StorageFigures['perTable'] = {};
  let staticBytes = 0;
  let steady = 0;
  let unbounded = 0;
  for (const [table, size] of Object.entries(final)) {
    const parts: readonly TablePart[] | undefined = TABLE_MODEL[table];
    const grewBytes = (after[table]?.bytes ?? 0) - (before[table]?.bytes ?? 0);
    const grewRows = (after[table]?.rows ?? 0) - (before[table]?.rows ?? 0);
    if (parts?.every((p) => p.grows === 'packed')) continue;
    if ((!parts && grewRows <= 0 && grewBytes <= 0) || parts?.every((p) => p.grows === 'static')) {
      staticBytes += size.bytes;
      continue;
    }
    for (const part of parts ?? [{ part: table, grows: 'per-sweep', keptDays: RETENTION_DAYS.raw } as TablePart]) {
      if (part.grows === 'static') continue;
      const sized = part.grows === 'per-sweep' ? (after[table] ?? size) : size;
      const bytesPerRow = part.bytesPerRow ?? bytesPerRowOf(sized, pageSize);
      // Rows added times the mean row size: page-granular byte growth is too coarse over a few sweeps.
      const grewPerSweep = grewRows > 0 && bytesPerRow !== null ? (grewRows * bytesPerRow) / sweeps : Math.max(0, grewBytes) / sweeps;
      const perDay =
        part.grows === 'per-sweep'
          ? (grewPerSweep / miners) * sweepsPerDay
          : bytesPerRow === null
            ? null
            : bytesPerRow * (part.rowsPerRigPerDay ?? 0);
      const kept = part.keptDays ?? STEADY_HORIZON_DAYS;
      const steadyPart = perDay === null ? null : perDay * kept;
      steady += steadyPart ?? 0;
      if (part.keptDays === null) unbounded += steadyPart ?? 0;
      perTable[part.part] = {
        bytesPerRow: round(bytesPerRow),
        rowsPerRigPerDay:
          part.grows === 'per-sweep' ? round(((grewRows / sweeps) * sweepsPerDay) / miners, 1) : (part.rowsPerRigPerDay ?? null),
        bytesPerRigPerDay: round(perDay),
        keptDays: part.keptDays,
        steadyBytesPerRig: round(steadyPart),
        modelled: parts !== undefined,
        ...(part.keptDays === null ? { unbounded: true as const } : {}),
      };
    }
  }
  const staticPerRig = staticBytes / miners;
  steady += staticPerRig;
  return {
    perTable,
    staticBytesPerRig: Math.round(staticPerRig),
    steadyStateBytesPerRig: Math.round(steady),
    steadyStateMbPerRig: round(steady / 1e6, 2),
    steadyStateBytesPerRigWithoutUnbounded: Math.round(steady - unbounded),
    retentionDays: RETENTION_DAYS,
    dbFileBytesAtEnd: fileAtEnd,
    source: 'live fleet: growth per table (dbstat, indexes included) over the measured sweeps, extrapolated with bench/schema-model.ts',
  };
}
