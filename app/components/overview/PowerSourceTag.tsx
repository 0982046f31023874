/**
 * Where a rig's power figure comes from, marked beside it: estimates stand out (warning colour), measured
 * and firmware figures get a quiet tag, so an operator can tell at a glance what the kW total rests on.
 */
import type { PowerSource } from '../../../lib/domain/reading';

const TAGS: Record<PowerSource, { text: string; title: string; className: string }> = {
  estimated: { text: 'est.', title: "Estimated from the model's nameplate, not measured", className: 'est' },
  firmware: { text: 'fw', title: 'Reported by the firmware', className: 'power-tag' },
  meter: { text: 'meter', title: 'Measured by a meter or PDU', className: 'power-tag' },
  override: { text: 'set', title: 'Set by an operator', className: 'power-tag' },
};

export function PowerSourceTag({ source }: { source: PowerSource | null | undefined }) {
  if (!source) return null;
  const tag = TAGS[source];
  return (
    <>
      {' '}
      <abbr className={tag.className} title={tag.title} data-power-source={source}>
        {tag.text}
      </abbr>
    </>
  );
}
