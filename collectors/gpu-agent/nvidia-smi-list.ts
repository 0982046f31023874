/**
 * Pure parser of `nvidia-smi -L`: one line per GPU, and under it one line per MIG instance when the GPU is
 * partitioned (fx:gpu/nvidia-smi-h100-mig-590.48.01-linux-list-L.txt):
 *   GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-00000000-...)
 *     MIG 3g.40gb     Device  0: (UUID: MIG-00000000-...)
 */
import { DeviceError } from '../device-error';

/** One MIG instance of a partitioned GPU. */
export interface MigDevice {
  /** Profile, e.g. "3g.40gb" (compute slices g, memory). */
  profile: string;
  /** Device number within its GPU. */
  device: number;
  uuid: string;
}

/** One GPU of the list with its MIG instances (empty when not partitioned). */
export interface ListedGpu {
  index: number;
  name: string;
  uuid: string;
  mig: MigDevice[];
}

const GPU_LINE = /^GPU (\d+): (.+?) \(UUID: ([^)\s]+)\)$/;
const MIG_LINE = /^MIG (\S+)\s+Device\s+(\d+): \(UUID: ([^)\s]+)\)$/;

/** The GPUs and MIG instances `nvidia-smi -L` lists; DeviceError 'garbage' on any other line. */
export function parseNvidiaSmiList(text: string): ListedGpu[] {
  const gpus: ListedGpu[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const gpu = GPU_LINE.exec(line);
    if (gpu) {
      gpus.push({ index: Number(gpu[1]), name: gpu[2], uuid: gpu[3], mig: [] });
      return;
    }
    const mig = MIG_LINE.exec(line);
    const owner = gpus[gpus.length - 1];
    if (mig && owner) {
      owner.mig.push({ profile: mig[1], device: Number(mig[2]), uuid: mig[3] });
      return;
    }
    throw new DeviceError('garbage', `nvidia-smi -L line ${i + 1} is neither a GPU nor a MIG device: ${JSON.stringify(line.slice(0, 60))}`);
  });
  return gpus;
}
