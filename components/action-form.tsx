'use client';

import { useTranslations } from 'next-intl';
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

type FormState = { state: ActionState<unknown>; pending: boolean };
const FormContext = createContext<FormState>({ state: null, pending: false });

export function useMessage() {
  const t = useTranslations();
  return (m: Message) => t(m.key as never, m.values as never);
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

function FieldShell({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: Message; children: ReactNode }) {
  const message = useMessage();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
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
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <Input
        id={id}
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...props}
      />
    </FieldShell>
  );
}

export function TextAreaField({ name, label, hint, ...props }: FieldProps & Omit<ComponentProps<'textarea'>, 'name'>) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        className={controlClass}
        rows={3}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  ...props
}: FieldProps & Omit<ComponentProps<'select'>, 'name'> & { options: { value: string; label: string }[] }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <Select id={id} name={name} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FieldShell>
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
