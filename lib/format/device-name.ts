/**
 * A device's vendor beside its model, without saying it twice: "Bitmain" + "Antminer S19 Pro" keeps both,
 * "Bitaxe" + "Bitaxe Gamma" and "NVIDIA" + "6x NVIDIA GeForce RTX 4080" keep only the model, and the
 * placeholder make "GPU" (miners that do not name their cards) is dropped. Pure.
 */
export function vendorToShow(make: string | null | undefined, model: string): string | null {
  const m = make?.trim() ?? '';
  if (m === '' || m === 'GPU' || model.toLowerCase().includes(m.toLowerCase())) return null;
  return m;
}

/** "Bitmain Antminer S19 Pro", "Bitaxe Gamma", "6x GPU". */
export function makeAndModel(make: string | null | undefined, model: string): string {
  const vendor = vendorToShow(make, model);
  return vendor ? `${vendor} ${model}` : model;
}
