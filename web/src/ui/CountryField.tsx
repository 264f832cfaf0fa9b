import { useId } from 'react';
import type { CountryChoice } from '../api/useScreenCountry.ts';

/**
 * The country a screen shows (useScreenCountry), offered only when the reader sees several; a
 * country from the address that is not among them stays listed, so the field never lies.
 */
export function CountryField({ label, country, choices, testId, onChange }: {
  label: string;
  country: string | null;
  choices: readonly CountryChoice[];
  testId: string;
  onChange: (country: string) => void;
}) {
  const id = useId();
  if (choices.length <= 1) return null;
  return (
    <label className="inline-field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={country ?? ''} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {country !== null && !choices.some((c) => c.code === country) && <option value={country}>{country}</option>}
        {choices.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
