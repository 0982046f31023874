/**
 * Rig names after an import must stay unique. A name given on two lines is refused on the later one; a
 * name a registered rig keeps (one the file does not list, or lists on a refused line, so it is not
 * renamed) is refused too. Refusing a row can leave its rig's old name in place and clash with another
 * row, so the check repeats until nothing changes. Renaming rigs among themselves in one file (a swap)
 * is fine: only the names after the import count. Pure.
 */
import type { PlannedRow, RegisteredRig } from './rig-csv-types';

type Refused = Extract<PlannedRow, { action: 'refused' }>;

function refuse(row: Exclude<PlannedRow, Refused>, reason: string): Refused {
  return {
    line: row.line,
    action: 'refused',
    reasons: [`line ${row.line}, field name: ${reason}`],
    name: row.rig.name,
    address: row.rig.address,
  };
}

/** `rows` with every row whose name would not be unique after the import refused, saying why. */
export function resolveNameClashes(rows: readonly PlannedRow[], registered: readonly RegisteredRig[]): PlannedRow[] {
  const firstLine = new Map<string, number>();
  let out = rows.map((row): PlannedRow => {
    if (row.action === 'refused') return row;
    const seen = firstLine.get(row.rig.name);
    if (seen !== undefined) return refuse(row, `duplicate name ${JSON.stringify(row.rig.name)} (also on line ${seen})`);
    firstLine.set(row.rig.name, row.line);
    return row;
  });
  for (let changed = true; changed;) {
    changed = false;
    const listed = new Set(out.flatMap((r) => (r.action === 'updated' || r.action === 'unchanged' ? [r.rigId] : [])));
    const kept = new Map(registered.filter((r) => !listed.has(r.id)).map((r) => [r.name, r]));
    out = out.map((row) => {
      if (row.action === 'refused') return row;
      const holder = kept.get(row.rig.name);
      if (!holder) return row;
      changed = true;
      return refuse(
        row,
        `name ${JSON.stringify(row.rig.name)} is taken by the rig at ${holder.address}:${holder.port}, which keeps it (this file does not rename it)`,
      );
    });
  }
  return out;
}
