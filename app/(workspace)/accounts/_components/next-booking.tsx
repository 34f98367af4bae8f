'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/i18n/use-format';
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ActionForm, SubmitButton, TextField, useNestedFieldError, useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { scheduleActivity, type CompletionResult } from '@/app/(workspace)/activities/actions';
import { closedReasonText } from '@/components/closed-reason';
import { localDateText } from '@/lib/scheduling/recurrence-text';

type Shown = CompletionResult & { typeLabel: string };
const NextBookingContext = createContext<(shown: Shown) => void>(() => {});

/** Lets a completion anywhere in the card show its follow-up at the top of the card. */
export function useShowNextBooking() {
  return useContext(NextBookingContext);
}

/**
 * Holds what the last completion offered (book the next one at the playbook
 * interval, or a note that it is already booked) above the list, where it
 * stays while the list re-renders with the completed activity.
 */
export function NextBookingProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown | null>(null);
  return (
    <NextBookingContext.Provider value={setShown}>
      {shown && <NextBookingPanel key={JSON.stringify(shown)} shown={shown} onClose={() => setShown(null)} />}
      {children}
    </NextBookingContext.Provider>
  );
}

/** The error of a field the form carries over without showing it. */
function CarriedFieldError({ name }: { name: string }) {
  const message = useMessage();
  const error = useNestedFieldError(name);
  return error ? <Notice tone="error">{message(error)}</Notice> : null;
}

function NextBookingPanel({ shown, onClose }: { shown: Shown; onClose: () => void }) {
  const t = useTranslations('series.offer');
  const tw = useTranslations('workingDays');
  const format = useFormat();
  const headingId = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  const [booked, setBooked] = useState<{ date: string; time: string } | null>(null);
  const [slot, setSlot] = useState({ date: shown.offer?.date ?? '', time: shown.offer?.time ?? '' });

  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, []);

  const close = (
    <Button variant="ghost" onClick={onClose}>
      {booked ? t('close') : t('notNow')}
    </Button>
  );

  if (!shown.offer) {
    if (!shown.nextBookedAt) return null;
    return (
      <Notice tone="info" className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <span ref={ref} tabIndex={-1} className="outline-none">
          {t('alreadyBooked', { type: shown.typeLabel, when: format.dateTime(shown.nextBookedAt) })}
        </span>
        <Button variant="ghost" onClick={onClose}>
          {t('close')}
        </Button>
      </Notice>
    );
  }

  const offer = shown.offer;
  const customers = (Array.isArray(offer.customerAttendees) ? offer.customerAttendees : []) as { name: string; role?: string }[];
  const carried = [
    offer.executiveSponsor && t('sponsor', { name: offer.executiveSponsor }),
    customers.length > 0 && customers.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join(', '),
    offer.location,
    offer.internalAttendees.length > 0 && t('colleagues', { count: offer.internalAttendees.length }),
  ].filter(Boolean);

  return (
    <section aria-labelledby={headingId} className="mb-4 space-y-3 rounded-md bg-brand-50/60 p-3 ring-1 ring-brand-100">
      <div>
        <h3 id={headingId} ref={ref} tabIndex={-1} className="text-sm font-semibold text-zinc-900 outline-none">
          {t('title', { type: shown.typeLabel, date: localDateText(format, slot.date && /^\d{4}-\d{2}-\d{2}$/.test(slot.date) ? slot.date : offer.date, 'long') })}
        </h3>
        <p className="text-xs text-zinc-600">{t(`why.${offer.cadence.unit}`, { every: offer.cadence.every })}</p>
        {offer.moved && (
          <p className="text-xs text-amber-800">{tw('movedFrom', { date: localDateText(format, offer.moved.from), reason: closedReasonText(tw, offer.moved.reason) })}</p>
        )}
        {carried.length > 0 && <p className="mt-1 text-xs text-zinc-600">{t('carried', { what: carried.join(' · ') })}</p>}
      </div>
      {booked ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Notice tone="success">{t('booked', { type: shown.typeLabel, date: localDateText(format, booked.date), time: format.clock(booked.time) })}</Notice>
          {close}
        </div>
      ) : (
        <ActionForm action={scheduleActivity} confirmLabel={t('bookAnyway')} onSuccess={() => setBooked(slot)} className="space-y-3">
          <input type="hidden" name="accountId" value={offer.accountId} />
          <input type="hidden" name="activityTypeId" value={offer.activityTypeId} />
          <input type="hidden" name="ownerId" value={offer.ownerId} />
          <input type="hidden" name="location" value={offer.location ?? ''} />
          <input type="hidden" name="executiveSponsor" value={offer.executiveSponsor ?? ''} />
          <input type="hidden" name="customerAttendees" value={JSON.stringify(customers)} />
          <input type="hidden" name="internalAttendees" value={JSON.stringify(offer.internalAttendees)} />
          {['activityTypeId', 'ownerId', 'executiveSponsor', 'internalAttendees', 'customerAttendees', 'location'].map((name) => (
            <CarriedFieldError key={name} name={name} />
          ))}
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField name="date" label={t('date')} type="date" value={slot.date} onChange={(e) => setSlot({ ...slot, date: e.target.value })} />
            <TextField name="time" label={t('time')} type="time" value={slot.time} onChange={(e) => setSlot({ ...slot, time: e.target.value })} />
            <TextField name="durationMinutes" label={t('duration')} inputMode="numeric" defaultValue={String(offer.durationMinutes)} />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <SubmitButton>{t('book', { type: shown.typeLabel })}</SubmitButton>
            {close}
          </div>
        </ActionForm>
      )}
    </section>
  );
}
