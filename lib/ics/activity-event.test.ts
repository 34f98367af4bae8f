import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/messages';
import { activityEvent, icsFilename, uidFor, type IcsActivity, type Translate } from './activity-event';

async function translator(locale: 'en' | 'ja'): Promise<Translate> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  return (key, values) => t(key as never, values as never);
}

const activity = (overrides: Partial<IcsActivity> = {}): IcsActivity => ({
  id: 42,
  accountId: 7,
  accountName: 'Acme Corp',
  typeLabel: 'QBR',
  ownerName: '田中 美咲',
  status: 'planned',
  startsAt: new Date('2027-04-13T01:00:00Z'),
  durationMinutes: 90,
  timeZone: 'Asia/Tokyo',
  location: 'Acme HQ, Tokyo',
  agenda: 'Adoption review\nRenewal',
  executiveSponsor: 'CFO Sasaki',
  customerAttendees: [{ name: 'Yamada', role: 'IT lead' }, { name: 'Suzuki', role: '' }],
  cancelReason: null,
  version: 3,
  createdAt: new Date('2027-01-01T00:00:00Z'),
  updatedAt: new Date('2027-02-01T00:00:00Z'),
  ...overrides,
});

const ctx: { baseUrl: string; t: Translate } = { baseUrl: 'https://touchplan.example.com', t: () => '' };
let tJa: Translate;
beforeAll(async () => {
  ctx.t = await translator('en');
  tJa = await translator('ja');
});

describe('activityEvent', () => {
  it('names the type and the account, links back to the account, and ends after its duration', () => {
    const e = activityEvent(activity(), ctx);
    expect(e).toMatchObject({
      uid: 'activity-42@touchplan.example.com',
      sequence: 2,
      stamp: new Date('2027-02-01T00:00:00Z'),
      summary: 'QBR · Acme Corp',
      location: 'Acme HQ, Tokyo',
      url: 'https://touchplan.example.com/accounts/7',
      status: 'CONFIRMED',
      timeZone: 'Asia/Tokyo',
    });
    expect(e.end.toISOString()).toBe('2027-04-13T02:30:00.000Z');
    expect(e.description).toBe(
      [
        'Agenda:\nAdoption review\nRenewal',
        'Executive sponsor: CFO Sasaki',
        'Customer attendees: Yamada (IT lead), Suzuki',
        'CSM: 田中 美咲',
        'Account: Acme Corp\nhttps://touchplan.example.com/accounts/7',
      ].join('\n\n'),
    );
  });

  it('keeps completed and no-show activities confirmed and says what happened; cancels cancelled ones', () => {
    expect(activityEvent(activity({ status: 'completed' }), ctx)).toMatchObject({ status: 'CONFIRMED', description: expect.stringMatching(/^Completed\n\n/) });
    expect(activityEvent(activity({ status: 'no_show' }), ctx)).toMatchObject({ status: 'CONFIRMED', description: expect.stringMatching(/^No-show: the customer did not attend\n\n/) });
    expect(activityEvent(activity({ status: 'cancelled', cancelReason: 'Customer asked to move it' }), ctx)).toMatchObject({
      status: 'CANCELLED',
      description: expect.stringMatching(/^Cancelled: Customer asked to move it\n\n/),
    });
  });

  it('reads in Japanese for a Japanese user, and skips what is not set', () => {
    const ja = { ...ctx, t: tJa };
    const e = activityEvent(activity({ agenda: null, executiveSponsor: null, customerAttendees: [], location: null, typeLabel: '定例ミーティング', accountName: '株式会社アクメ' }), ja);
    expect(e.summary).toBe('定例ミーティング · 株式会社アクメ');
    expect(e.description).toBe('担当 CSM：田中 美咲\n\nアカウント：株式会社アクメ\nhttps://touchplan.example.com/accounts/7');
    expect(activityEvent(activity({ agenda: null, executiveSponsor: null }), ja).description).toMatch(/^顧客側の参加者：Yamada（IT lead）、Suzuki\n\n/);
  });
});

describe('uidFor', () => {
  it('is the activity id at the host, stable across calls', () => {
    expect(uidFor(42, 'http://localhost:3000')).toBe('activity-42@localhost');
  });
});

describe('icsFilename', () => {
  it('is readable ASCII, with the id so two downloads never clash', () => {
    expect(icsFilename({ id: 42, typeLabel: 'On-site visit', accountName: 'Café Müller GmbH' }, '2027-04-13')).toBe('2027-04-13-on-site-visit-cafe-muller-gmbh-42.ics');
    expect(icsFilename({ id: 42, typeLabel: '定例ミーティング', accountName: '株式会社アクメ' }, '2027-04-13')).toBe('2027-04-13-42.ics');
  });
});
