'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { cn } from '@/lib/cn';
import { filterOptions, type PickerOption } from '@/lib/picker';
import { controlClass } from './input';

type Props = {
  /** The form field the chosen value is sent as. */
  name: string;
  options: readonly PickerOption[];
  defaultValue: string;
  /** The id the field's label points at, and its error / hint wiring. */
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  onChange?: (value: string) => void;
};

const subscribe = () => () => {};

/**
 * A select you can type in: filters the options as you type (words in any
 * order, any case), arrows move, Enter chooses, Escape puts the choice back.
 * ARIA 1.2 combobox with a listbox popup. Without JavaScript (and in the
 * first, server-rendered HTML) it is a plain select with the same name, so
 * the form works either way and the server checks the value as before.
 */
export function Combobox({ name, options, defaultValue, id, onChange, ...aria }: Props) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) {
    return (
      <select id={id} name={name} defaultValue={defaultValue} className={cn(controlClass, 'pr-8')} {...aria}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return <Searchable name={name} options={options} defaultValue={defaultValue} id={id} onChange={onChange} {...aria} />;
}

function Searchable({ name, options, defaultValue, id, onChange, ...aria }: Props) {
  const t = useTranslations('picker');
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const selected = options.find((o) => o.value === value);
  const shown = useMemo(() => filterOptions(options, query ?? ''), [options, query]);
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector(`[id="${optionId(active)}"]`)?.scrollIntoView({ block: 'nearest' });
    // optionId only depends on listId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, active]);

  const openList = () => {
    if (open) return;
    // Open on the current choice, so arrows continue from it.
    const at = query === null ? shown.findIndex((o) => o.value === value) : 0;
    setActive(Math.max(0, at));
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (o: PickerOption | undefined) => {
    if (o) {
      setValue(o.value);
      onChange?.(o.value);
    }
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) openList();
        else setActive((a) => Math.min(last, a + 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openList();
        else setActive((a) => Math.max(0, a - 1));
        break;
      case 'PageDown':
        if (open) {
          e.preventDefault();
          setActive((a) => Math.min(last, a + 10));
        }
        break;
      case 'PageUp':
        if (open) {
          e.preventDefault();
          setActive((a) => Math.max(0, a - 10));
        }
        break;
      case 'Enter':
        // Choosing must not submit the form.
        if (open) {
          e.preventDefault();
          choose(shown[active]);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          e.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
    }
  };

  return (
    <div className="relative">
      <input type="hidden" name={name} value={value} />
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown.length ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('placeholder')}
        className={cn(controlClass, 'pr-8')}
        value={query ?? selected?.label ?? value}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(e) => e.target.select()}
        onClick={openList}
        onBlur={close}
        onKeyDown={onKeyDown}
        {...aria}
      />
      <button
        type="button"
        tabIndex={-1}
        aria-label={t('showAll')}
        className="absolute inset-y-0 right-0 flex w-8 items-center justify-center text-zinc-500"
        // Keeps focus in the input, so its blur does not close the list first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          inputRef.current?.focus();
          if (open) close();
          else openList();
        }}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </button>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        hidden={!open || shown.length === 0}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-zinc-200"
      >
        {shown.map((o, i) => (
          <li
            key={o.value}
            id={optionId(i)}
            role="option"
            aria-selected={o.value === value}
            className={cn('cursor-pointer px-2.5 py-1.5', i === active ? 'bg-brand-50 text-brand-900' : 'text-zinc-800', o.value === value && 'font-semibold')}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(o)}
          >
            {o.label}
          </li>
        ))}
      </ul>
      {open && shown.length === 0 && (
        <p className="absolute z-20 mt-1 w-full rounded-md bg-white px-2.5 py-1.5 text-sm text-zinc-500 shadow-lg ring-1 ring-zinc-200">{t('noMatch', { query: query ?? '' })}</p>
      )}
      <span className="sr-only" aria-live="polite">
        {open && query !== null ? t('matches', { count: shown.length }) : ''}
      </span>
    </div>
  );
}
