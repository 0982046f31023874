#!/usr/bin/env node
// A stand-in for nvidia-smi in tests. It answers from a real capture in `--format=csv` form (header and
// units), named by FAKE_NVIDIA_SMI_CSV and re-read on every run (tests swap its contents):
//   --query-gpu=a,b,c --format=csv,noheader,nounits  -> those columns of each GPU row, units stripped,
//                                                       ", "-separated, as the real binary prints them
//   -L                                                -> FAKE_NVIDIA_SMI_LIST's text when that file is
//                                                       non-empty, else "GPU i: name (UUID: uuid)" lines
// A file whose first line is not a header with "index" is printed as it is (garbage output). An unknown
// field prints nvidia-smi's complaint and exits 2. FAKE_NVIDIA_SMI_LOG, when set, gets one line per run.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (process.env.FAKE_NVIDIA_SMI_LOG) appendFileSync(process.env.FAKE_NVIDIA_SMI_LOG, `${args.join(' ')}\n`);
const csvPath = process.env.FAKE_NVIDIA_SMI_CSV;
if (!csvPath) {
  process.stdout.write('fake-nvidia-smi: FAKE_NVIDIA_SMI_CSV is not set\n');
  process.exit(9);
}
const text = readFileSync(csvPath, 'utf8');
const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
const header = (lines[0] ?? '').split(', ').map((h) => h.replace(/\s*\[[^\]]*\]$/, ''));
if (!header.includes('index')) {
  process.stdout.write(text);
  process.exit(0);
}
const rows = lines.slice(1).map((l) => l.split(', '));
const column = (row, name) => row[header.indexOf(name)];
const bare = (v) => (/^-?\d+(\.\d+)? \S+$/.test(v) ? v.replace(/ \S+$/, '') : v);

if (args.includes('-L')) {
  const listPath = process.env.FAKE_NVIDIA_SMI_LIST;
  const listed = listPath && existsSync(listPath) ? readFileSync(listPath, 'utf8') : '';
  if (listed.trim() !== '') process.stdout.write(listed);
  else for (const row of rows) process.stdout.write(`GPU ${column(row, 'index')}: ${column(row, 'name')} (UUID: ${column(row, 'uuid')})\n`);
  process.exit(0);
}

const query = args.find((a) => a.startsWith('--query-gpu='))?.slice('--query-gpu='.length);
const format = args.find((a) => a.startsWith('--format='))?.slice('--format='.length);
if (!query || format !== 'csv,noheader,nounits') {
  process.stdout.write(`fake-nvidia-smi: only --query-gpu=... --format=csv,noheader,nounits and -L are faked (got ${args.join(' ')})\n`);
  process.exit(9);
}
const fields = query.split(',');
for (const f of fields) {
  if (!header.includes(f)) {
    process.stdout.write(`Field "${f}" is not a valid field to query.\n\n`);
    process.exit(2);
  }
}
for (const row of rows) process.stdout.write(`${fields.map((f) => bare(column(row, f))).join(', ')}\n`);
