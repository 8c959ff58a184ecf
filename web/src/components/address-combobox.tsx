import { useEffect, useState, type KeyboardEvent } from 'react';
import type { AddressSuggestion } from '../api/types.ts';
import type { FieldA11y } from './form-field.tsx';

interface AddressComboboxProps {
  /** The label, description and error ties from FormField. */
  a11y: FieldA11y;
  value: string;
  onValueChange: (text: string) => void;
  suggestions: AddressSuggestion[];
  onChoose: (suggestion: AddressSuggestion) => void;
  /** Enter with no suggestion highlighted (search now, say). */
  onEnter?: () => void;
  listLabel: string;
  autoComplete: string;
}

/**
 * The address field as a WAI-ARIA APG combobox with a list popup (autocomplete="list"): typing shows
 * suggestions; Down/Up move through them (aria-activedescendant, focus stays in the input), Enter takes the
 * highlighted one, Escape closes the list (and clears the field when it is closed already), a click takes one
 * without taking focus out of the input. After a choice the input keeps the focus and the chosen text.
 */
export function AddressCombobox(props: AddressComboboxProps) {
  const { a11y, suggestions } = props;
  const listId = `${a11y.id}-listbox`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // New suggestions open the list with nothing highlighted yet, as typing does in the APG example.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list follows the suggestions the parent fetched
    setOpen(suggestions.length > 0);
    setActive(-1);
  }, [suggestions]);

  const expanded = open && suggestions.length > 0;
  const choose = (index: number) => {
    const suggestion = suggestions[index];
    if (!suggestion) return;
    setOpen(false);
    setActive(-1);
    props.onChoose(suggestion);
  };
  const move = (step: 1 | -1) => {
    if (!suggestions.length) return;
    setOpen(true);
    setActive((current) => {
      if (!expanded) return step === 1 ? 0 : suggestions.length - 1;
      return (current + step + suggestions.length) % suggestions.length;
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault(); // never the surrounding form's submit
      if (expanded && active >= 0) choose(active);
      else props.onEnter?.();
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (props.value) {
        event.preventDefault();
        props.onValueChange('');
      }
    }
  };

  return (
    <div className="wp-combobox">
      <input
        {...a11y}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        className="utrecht-textbox utrecht-textbox--html-input"
        autoComplete={props.autoComplete}
        spellCheck={false}
        value={props.value}
        onChange={(event) => props.onValueChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={props.listLabel}
        className="wp-suggestions wp-combobox__list"
        hidden={!expanded}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.id ?? suggestion.label}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`wp-combobox__option${index === active ? ' wp-combobox__option--active' : ''}`}
            // mousedown, not click: the input keeps the focus (APG), and the choice is made before any blur.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(index);
            }}
          >
            {suggestion.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
