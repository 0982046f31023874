/** Which sites a user sees: every site (null), or the ones ticked. */
export interface SiteOption {
  id: number;
  name: string;
}

/** Props of SitesField. */
export interface SitesFieldProps {
  idPrefix: string;
  sites: readonly SiteOption[];
  /** null: every site. */
  value: number[] | null;
  onChange: (value: number[] | null) => void;
  invalid?: boolean;
}

/** "All sites", or a tick per site. */
export function SitesField({ idPrefix, sites, value, onChange, invalid }: SitesFieldProps) {
  const toggle = (id: number, on: boolean) => onChange(on ? [...(value ?? []), id] : (value ?? []).filter((v) => v !== id));
  return (
    <fieldset className={`form-field sites-field${invalid ? ' is-invalid' : ''}`} data-field="siteIds" aria-invalid={invalid || undefined}>
      <legend>Sites</legend>
      <label className="sites-choice" htmlFor={`${idPrefix}-all`}>
        <input
          id={`${idPrefix}-all`}
          type="checkbox"
          checked={value === null}
          onChange={(e) => onChange(e.target.checked ? null : [])}
          data-testid="sites-all"
        />
        All sites
      </label>
      {value !== null &&
        sites.map((s) => (
          <label key={s.id} className="sites-choice" htmlFor={`${idPrefix}-site-${s.id}`}>
            <input
              id={`${idPrefix}-site-${s.id}`}
              type="checkbox"
              checked={value.includes(s.id)}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />
            {s.name}
          </label>
        ))}
    </fieldset>
  );
}

/** "All sites" or the sites' names, for a table cell. */
export function sitesLabel(siteIds: readonly number[] | null, sites: readonly SiteOption[]): string {
  if (siteIds === null) return 'All sites';
  if (siteIds.length === 0) return 'No site (its sites were removed)';
  return siteIds.map((id) => sites.find((s) => s.id === id)?.name ?? `site ${id}`).join(', ');
}
