/**
 * A small Prometheus text exposition format (0.0.4) parser, enough for exporters such as dcgm-exporter:
 * # HELP / # TYPE / other comments, `name{label="value",...} value [timestamp]`, label values with \" \\ \n
 * escapes, optional spaces around commas and braces (older dcgm-exporter writes `{gpu="0", UUID=...}`),
 * NaN/+Inf/-Inf. Pure; a line that is none of these is reported in `invalid`, not thrown, so one odd line
 * does not cost the whole scrape.
 */

/** One sample line. `value` is the number as written (NaN, Infinity included). */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampMs: number | null;
}

/** Everything read from one exposition. */
export interface PromExposition {
  samples: PromSample[];
  help: Record<string, string>;
  types: Record<string, string>;
  /** Lines that are not valid exposition format (1-based line numbers), e.g. a "..." an editor left. */
  invalid: Array<{ line: number; text: string }>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const VALUE = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN)$/;

/** Parses a whole exposition. Never throws. */
export function parsePrometheusText(text: string): PromExposition {
  const out: PromExposition = { samples: [], help: {}, types: {}, invalid: [] };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const meta = /^#\s*(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$/.exec(line);
      if (meta?.[1] === 'HELP') out.help[meta[2]] = unescapeHelp(meta[3] ?? '');
      else if (meta?.[1] === 'TYPE') out.types[meta[2]] = (meta[3] ?? '').trim();
      return; // any other comment is ignored
    }
    const sample = parseSample(line);
    if (sample) out.samples.push(sample);
    else out.invalid.push({ line: i + 1, text: raw.slice(0, 120) });
  });
  return out;
}

function unescapeHelp(s: string): string {
  return s.replace(/\\(\\|n)/g, (_m, c: string) => (c === 'n' ? '\n' : '\\'));
}

/** One sample line, or null when it does not follow the format. */
export function parseSample(line: string): PromSample | null {
  const name = NAME.exec(line)?.[0];
  if (!name) return null;
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.trimStart().startsWith('{')) {
    rest = rest.trimStart().slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) break;
      const label = LABEL_NAME.exec(rest)?.[0];
      if (!label) return null;
      rest = rest.slice(label.length).trimStart();
      if (!rest.startsWith('=')) return null;
      rest = rest.slice(1).trimStart();
      if (!rest.startsWith('"')) return null;
      const value = readQuoted(rest);
      if (!value) return null;
      if (Object.hasOwn(labels, label)) return null;
      labels[label] = value.text;
      rest = rest.slice(value.length).trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) return null;
    }
    rest = rest.slice(1);
  }
  if (!/^\s/.test(rest)) return null;
  const parts = rest.trim().split(/\s+/);
  if (parts.length < 1 || parts.length > 2 || !VALUE.test(parts[0])) return null;
  if (parts.length === 2 && !/^-?\d+$/.test(parts[1])) return null;
  const value = /Inf$/.test(parts[0]) ? (parts[0].startsWith('-') ? -Infinity : Infinity) : Number(parts[0]);
  return { name, labels, value, timestampMs: parts.length === 2 ? Number(parts[1]) : null };
}

/** A "..." literal at the start of s: its unescaped text and how many characters it took. */
function readQuoted(s: string): { text: string; length: number } | null {
  let text = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { text, length: i + 1 };
    if (c === '\\') {
      const next = s[i + 1];
      if (next === undefined) return null;
      text += next === 'n' ? '\n' : next;
      i++;
    } else text += c;
  }
  return null;
}
