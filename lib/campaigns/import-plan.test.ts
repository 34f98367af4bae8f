import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv/parse';
import { readOutcome, recipientLookupKeys, recipientMatcher } from './events';
import { autoCampaignMapping, campaignMappingErrors, checkCampaignRows, fileDayOrder, matchCampaignRows } from './import-plan';

const lookup = {
  contacts: [{ id: 7, email: 'aiko@acme.example', accountId: 1 }],
  accounts: [
    { id: 1, externalId: 'SF-001', domain: 'acme.example' },
    { id: 2, externalId: null, domain: 'globex.example' },
  ],
};

function read(csv: string) {
  const table = parseCsv(csv);
  const mapping = autoCampaignMapping(table.headers);
  const order = fileDayOrder(table.rows.map((r) => r.cells[mapping.indexOf('occurred_at')] ?? ''));
  const rows = checkCampaignRows(table.headers, table.rows, mapping, order);
  const events = matchCampaignRows(rows, recipientMatcher(lookup), 'Asia/Tokyo');
  return { mapping, rows, events };
}

describe('campaign export columns', () => {
  it('maps HubSpot-style and Japanese headers', () => {
    expect(autoCampaignMapping(['Recipient', 'Event type', 'Created', 'Campaign'])).toEqual(['email', 'outcome', 'occurred_at', null]);
    expect(autoCampaignMapping(['メールアドレス', '取引先ID', '結果', '配信日時'])).toEqual(['email', 'account', 'outcome', 'occurred_at']);
  });

  it('refuses a mapping without outcome, time or any recipient column', () => {
    expect(campaignMappingErrors(['email', 'outcome']).map((e) => e.key)).toEqual(['import.errors.missingColumn']);
    expect(campaignMappingErrors(['outcome', 'occurred_at']).map((e) => e.key)).toEqual(['campaigns.import.errors.noRecipientColumn']);
    expect(campaignMappingErrors(['account', 'outcome', 'occurred_at'])).toEqual([]);
  });
});

describe('readOutcome', () => {
  it('reads the words tools write', () => {
    expect(readOutcome('DELIVERED')).toBe('delivered');
    expect(readOutcome('Email Opened')).toBe('opened');
    expect(readOutcome('hard_bounce')).toBe('bounced');
    expect(readOutcome('開封')).toBe('opened');
    expect(readOutcome('配信停止')).toBe('unsubscribed');
    expect(readOutcome('Guide Completed')).toBe('completed');
    expect(readOutcome('forwarded')).toBeNull();
  });
});

describe('checking and matching rows', () => {
  it('matches by contact email, else account external id or domain, else the email domain', () => {
    const { events, rows } = read(
      [
        'email,account,outcome,occurred_at',
        'Aiko@Acme.example,,delivered,2026-11-02 09:00',
        ',globex.example,completed,2026-11-02T00:00:00Z',
        'new.person@globex.example,,opened,2026/11/03 10:30',
        ',SF-001,clicked,2026-11-04',
      ].join('\n'),
    );
    expect(rows.flatMap((r) => r.errors)).toEqual([]);
    expect(events).toEqual([
      { accountId: 1, contactId: 7, recipient: 'aiko@acme.example', outcome: 'delivered', occurredAt: new Date('2026-11-02T00:00:00Z') },
      { accountId: 2, contactId: null, recipient: 'account:2', outcome: 'completed', occurredAt: new Date('2026-11-02T00:00:00Z') },
      { accountId: 2, contactId: null, recipient: 'new.person@globex.example', outcome: 'opened', occurredAt: new Date('2026-11-03T01:30:00Z') },
      { accountId: 1, contactId: null, recipient: 'account:1', outcome: 'clicked', occurredAt: new Date('2026-11-03T15:00:00Z') },
    ]);
  });

  it('reports every bad row by its line, and matches nothing for it', () => {
    const { events, rows } = read(
      ['email,outcome,occurred_at', 'not-an-email,delivered,2026-11-02 09:00', 'x@nowhere.example,delivered,2026-11-02 09:00', 'aiko@acme.example,forwarded,yesterday', ',delivered,2026-11-02 09:00'].join('\n'),
    );
    expect(events).toEqual([]);
    expect(rows.flatMap((r) => r.errors.map((e) => [e.line, e.message.key]))).toEqual([
      [2, 'campaigns.import.errors.email'],
      [3, 'campaigns.import.errors.noMatch'],
      [4, 'campaigns.import.errors.outcome'],
      [4, 'campaigns.import.errors.time'],
      [5, 'campaigns.import.errors.noRecipient'],
    ]);
  });

  it('reads "05/11/2026" day first when another date in the file says so', () => {
    expect(fileDayOrder(['05/11/2026 10:00', '25/11/2026 10:00'])).toBe('day-first');
    expect(fileDayOrder(['05/11/2026 10:00'])).toBe('month-first');
  });

  it('loads each key once: emails with their domains, and account values as ids and domains', () => {
    expect(recipientLookupKeys([{ email: 'a@x.example', account: 'WWW.Y.example' }, { email: 'b@x.example', account: null }])).toEqual({
      emails: ['a@x.example', 'b@x.example'],
      externalIds: ['WWW.Y.example'],
      domains: ['x.example', 'y.example'],
    });
  });
});

describe('event times out of range', () => {
  it('refuses a time before 2000 or more than a day ahead on its row, and keeps the rest', () => {
    const { rows, events } = read('email,outcome,occurred_at\naiko@acme.example,delivered,2026-10-02 10:00\naiko@acme.example,opened,0201-10-02 10:00\naiko@acme.example,clicked,2062-10-02 10:00\n');
    expect(events.map((e) => e.outcome)).toEqual(['delivered']);
    expect(rows.flatMap((r) => r.errors.map((e) => [e.line, e.message.key]))).toEqual([
      [3, 'campaigns.import.errors.timeEarly'],
      [4, 'campaigns.import.errors.timeLate'],
    ]);
  });
});
