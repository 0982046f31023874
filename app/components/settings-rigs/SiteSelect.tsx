/** The site a form's rigs go to. */
export interface SiteOption {
  id: number;
  name: string;
}

/** A labelled site picker in the settings form layout. */
export function SiteSelect({
  id,
  sites,
  value,
  onChange,
  invalid,
}: {
  id: string;
  sites: readonly SiteOption[];
  value: string;
  onChange: (v: string) => void;
  invalid?: boolean;
}) {
  return (
    <div className={`form-field${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>Site</label>
      <select
        id={id}
        className="ctl-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-field="siteId"
        aria-invalid={invalid || undefined}
      >
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
