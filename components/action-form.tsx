'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  type ComponentProps,
  type ReactNode,
} from 'react';
import type { ActionResult, ActionState, Message } from '@/lib/actions/result';
import { Button, type ButtonVariant } from './ui/button';
import { Input, Select, controlClass } from './ui/input';
import { Notice } from './ui/notice';
import { looseOr } from '@/lib/i18n/loose';
import { localizeMessageValues } from '@/lib/format';

type FormState = { state: ActionState<unknown>; pending: boolean };
const FormContext = createContext<FormState>({ state: null, pending: false });

/**
 * A message in words: the server sent its text (lib/i18n/message-text.ts);
 * one made here ("errors.unexpected" when a request fails) is read from the
 * page's messages, and a key the page lacks reads as "unexpected" rather than
 * as a raw key.
 */
export function useMessage() {
  const t = useTranslations();
  const locale = useLocale();
  const say = looseOr(t, () => t('errors.unexpected'));
  return (m: Message) => m.text ?? say(m.key, localizeMessageValues(m.values, locale));
}

/**
 * A form bound to a server action. It submits without resetting, so a failed
 * save keeps everything the user typed; errors appear beside their fields
 * and a form-level error or success notice on top.
 */
export function ActionForm<R>({
  action,
  children,
  successMessage,
  onSuccess,
  resetOnSuccess,
  className,
  confirmLabel,
}: {
  action: (prev: ActionState<R>, payload: FormData) => Promise<ActionResult<R>>;
  children: ReactNode;
  successMessage?: string;
  onSuccess?: (data: R) => void;
  resetOnSuccess?: boolean;
  className?: string;
  /** Shown with warnings the action asks the user to confirm. */
  confirmLabel?: string;
}) {
  const [state, dispatch, pending] = useActionState<ActionState<R>, FormData>(action, null);
  const message = useMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const succeeded = useEffectEvent((data: R) => onSuccess?.(data));

  useEffect(() => {
    if (!state) return;
    // After a failed submit, the first field that needs attention takes the focus.
    if (!state.ok && state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    if (state.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      succeeded(state.data);
    } else if (state.error?.key === 'errors.signedOut') {
      const here = window.location.pathname + window.location.search;
      // A full load: nothing of the ended session stays in the client cache.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/login?callbackUrl=${encodeURIComponent(here)}`);
    }
  }, [state, resetOnSuccess]);

  return (
    <form
      ref={formRef}
      noValidate
      className={className ?? 'space-y-4'}
      onSubmit={(event) => {
        event.preventDefault();
        // The submitter's name/value is included, so a form can offer two decisions.
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => dispatch(data));
      }}
    >
      <FormContext.Provider value={{ state, pending }}>
        {state && !state.ok && state.error && <Notice tone="error">{message(state.error)}</Notice>}
        {state && !state.ok && state.fieldErrors?._form && <Notice tone="error">{message(state.fieldErrors._form)}</Notice>}
        {state?.ok && successMessage && <Notice tone="success">{successMessage}</Notice>}
        {state && !state.ok && state.warnings && (
          <div role="alert" className="space-y-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            <ul className="list-disc pl-4">
              {state.warnings.map((w) => (
                <li key={w.key}>{message(w)}</li>
              ))}
            </ul>
            {confirmLabel && (
              <Button type="submit" variant="secondary" name="confirm" value="true" disabled={pending}>
                {confirmLabel}
              </Button>
            )}
          </div>
        )}
        {children}
      </FormContext.Provider>
    </form>
  );
}

export function useFieldError(name: string): Message | undefined {
  const { state } = useContext(FormContext);
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/** The first error on a field or anything inside it (`attendees`, `attendees.2.name`), for fields sent as one JSON value. */
export function useNestedFieldError(name: string): Message | undefined {
  const { state } = useContext(FormContext);
  if (!state || state.ok || !state.fieldErrors) return undefined;
  const key = Object.keys(state.fieldErrors).find((k) => k === name || k.startsWith(`${name}.`));
  return key ? state.fieldErrors[key] : undefined;
}

/** The attributes that tie a control to its label, hint and error; what `Field` hands its control. */
export type ControlProps = { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/**
 * One labelled field of an ActionForm, whatever its control: the label, the
 * control, and below it the field's error from the last submit or else its
 * hint, linked to the control by aria-describedby so a screen reader reads
 * them with it. On a failed submit the form focuses the first invalid one.
 */
export function Field({ name, label, hint, error: ownError, children }: FieldProps & { error?: Message; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const message = useMessage();
  const fieldError = useFieldError(name);
  const error = ownError ?? fieldError;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children({ id, name, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {message(error)}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="text-xs text-zinc-500">
            {hint}
          </p>
        )
      )}
    </div>
  );
}

type FieldProps = { name: string; label: ReactNode; hint?: ReactNode };

export function TextField({ name, label, hint, ...props }: FieldProps & Omit<ComponentProps<'input'>, 'name'>) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => <Input {...control} {...props} />}
    </Field>
  );
}

export function TextAreaField({ name, label, hint, ...props }: FieldProps & Omit<ComponentProps<'textarea'>, 'name'>) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => <textarea {...control} className={controlClass} rows={3} {...props} />}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  ...props
}: FieldProps & Omit<ComponentProps<'select'>, 'name'> & { options: { value: string; label: string }[] }) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <Select {...control} {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function SubmitButton({
  children,
  variant,
  pendingLabel,
  name,
  value,
}: {
  children: ReactNode;
  variant?: ButtonVariant;
  pendingLabel?: ReactNode;
  name?: string;
  value?: string;
}) {
  const { pending } = useContext(FormContext);
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} name={name} value={value}>
      {pending && <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
