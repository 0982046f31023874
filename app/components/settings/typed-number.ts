/**
 * A number as typed into a form: empty reads as missing and text that is not a number stays text, so
 * the server's (or parseTariff's) message names the field and shows what was typed. Pure.
 */
export function typedNumber(text: string): number | string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}
