/** The GPU captures copied byte for byte from shared/fixtures/gpu, and where the fake nvidia-smi lives. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = new URL('../fixtures/gpu/', import.meta.url);

/** A GPU capture's raw text. */
export const gpuFixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Absolute path of a GPU capture (for the fake nvidia-smi's FAKE_NVIDIA_SMI_CSV). */
export const gpuFixturePath = (name: string): string => fileURLToPath(new URL(name, FIXTURES));

/** Absolute path of tests/support/fake-nvidia-smi.mjs (executable). */
export const FAKE_NVIDIA_SMI = fileURLToPath(new URL('./fake-nvidia-smi.mjs', import.meta.url));

/** The nvidia-smi `--format=csv` captures (header and units), one GPU each. */
export const NVIDIA_SMI_CSV_CAPTURES = [
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-idle.csv',
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv',
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-idle.csv',
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv',
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-idle.csv',
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-load.csv',
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-idle.csv',
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-load.csv',
] as const;
