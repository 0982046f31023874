/**
 * Avalon model and firmware names from `version` (PROD/MODEL/VERSION) or, without it, from the MM ID
 * `Ver[...]` token. Pure.
 *
 * Model mapping (decided here; the nameplate table names the A14/A15 generations "Avalon A1466" and
 * "Avalon A1566"):
 * - A model number: "AvalonMiner 1566-185" -> "Avalon A1566", "AvalonMiner 1047" -> "Avalon A1047",
 *   MODEL "1246-90" -> "Avalon A1246".
 * - Generation + rated TH/s: "AvalonMiner 15-194" (MODEL "15-194", the MM4v2_X3 unit pyasic files under its
 *   A1566 class) -> the generation's model in the nameplate table, "Avalon A1566"; 14-xxx -> "Avalon A1466".
 *   Other generations keep the rating: "16-282" -> "Avalon A16-282".
 * - MM ID Ver: "15-194-24102401_…" and "1047-20051101_…" as above; Avalon 7/8 pack model and build date
 *   into 7 digits, "7411706-3162860" -> "Avalon A741", "8411803-14b0f10" -> "Avalon A841".
 * - Else the registered model (target.modelHint), else "Avalon".
 */
import { obj, str } from '../cgminer-tcp/coerce';
import { replyStatus, sectionRows } from '../cgminer-tcp/lenient-json';
import { mmText, type MmModule } from './mm-id';

/** Generation -> model of that generation in lib/domain/nameplates.json. */
const GENERATION_MODELS: Record<string, string> = { '14': 'Avalon A1466', '15': 'Avalon A1566' };

/** "Avalon A1566" etc. from a PROD/MODEL text; null when it does not name an Avalon model. */
export function modelFromProd(prod: string): string | null {
  const s = prod
    .trim()
    .replace(/^avalon\s*miner\s*/i, '')
    .replace(/^avalon\s*/i, '')
    .trim();
  if (!s) return null;
  const number = /^A?(\d{3,4})(?:[-_\s].*)?$/i.exec(s);
  if (number) return `Avalon A${number[1]}`;
  const gen = /^A?(\d{2})-(\d{2,3})\b/i.exec(s);
  if (gen) return GENERATION_MODELS[gen[1]] ?? `Avalon A${gen[1]}-${gen[2]}`;
  return `Avalon ${s}`;
}

/** Model and the firmware part of an MM ID `Ver[...]`, e.g. "1047-20051101_85dc6f0_0332654". */
export function splitVer(ver: string): { model: string | null; firmware: string } {
  const gen = /^(\d{2})-(\d{2,3})-(.+)$/.exec(ver);
  if (gen) return { model: GENERATION_MODELS[gen[1]] ?? `Avalon A${gen[1]}-${gen[2]}`, firmware: gen[3] };
  const four = /^(\d{4})-(.+)$/.exec(ver);
  if (four) return { model: `Avalon A${four[1]}`, firmware: four[2] };
  const packed = /^(\d{3})\d{4}-/.exec(ver);
  if (packed) return { model: `Avalon A${packed[1]}`, firmware: ver };
  return { model: null, firmware: ver };
}

/** VERSION[0] of a version reply, or an empty record. */
export function versionRow(version: unknown): Record<string, unknown> {
  return sectionRows(version, 'VERSION')[0] ?? {};
}

/** The model, first source that names one: version PROD, MODEL, the first module's Ver, the hint. */
export function avalonModel(version: unknown, modules: MmModule[], modelHint: string | null): string {
  const row = versionRow(version);
  for (const v of [str(row.PROD), str(row.MODEL)]) {
    const m = v ? modelFromProd(v) : null;
    if (m) return m;
  }
  for (const mod of modules) {
    const ver = mmText(mod.blob, 'Ver');
    const m = ver ? splitVer(ver).model : null;
    if (m) return m;
  }
  const hint = modelHint?.trim();
  if (hint) return /^avalon/i.test(hint) ? hint : `Avalon ${hint}`;
  return 'Avalon';
}

/**
 * "<firmware build>, cgminer <version>": build from VERSION[0].VERSION ("24102401_25462b2_9ddf522") or
 * the MM ID Ver; engine from VERSION[0].CGMiner or any reply's STATUS Description ("cgminer 4.11.1").
 */
export function avalonFirmware(version: unknown, modules: MmModule[], bodies: unknown[]): string {
  const row = versionRow(version);
  const ver = modules.map((m) => mmText(m.blob, 'Ver')).find((v): v is string => v !== null);
  const build = str(row.VERSION) ?? (ver ? splitVer(ver).firmware : null);
  const cg = str(row.CGMiner);
  const description = bodies.map((b) => (obj(b) ? (replyStatus(obj(b)!)?.description ?? null) : null)).find((d): d is string => d !== null);
  const engine = cg ? `cgminer ${cg}` : description;
  return [build, engine].filter((p): p is string => !!p).join(', ');
}
