/** A filter's search box: a search field named by a label that only assistive technology shows. */
import { useId } from 'react';

interface FilterSearchBoxProps {
  /** Its accessible name ("Search sources", "Find entity types"). */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}

export function FilterSearchBox({ label, placeholder, value, onChange }: FilterSearchBoxProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="filter__search"
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
