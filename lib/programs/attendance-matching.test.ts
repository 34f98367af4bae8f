import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAttendeeReport, type ReportPerson } from './attendee-report';
import { applyAttendanceChanges, planAttendance, reportLookups, type AccountDomain, type SessionInvitation, type WorkspaceContact } from './attendance-matching';

// Contacts and accounts of the demo workspace that the sample reports name.
const sample = (name: string) => {
  const result = readAttendeeReport(new Uint8Array(readFileSync(new URL(`../../samples/${name}`, import.meta.url))), 'Asia/Tokyo');
  if (!result.ok) throw new Error(result.error.key);
  return result.report.persons;
};
const zoom = sample('zoom-webinar-attendee-report.csv');
const teams = sample('teams-attendance-report.csv');

const accounts: AccountDomain[] = [
  { id: 10, domain: 'chitose-fudosan.co.jp' },
  { id: 11, domain: 'mino-systems.co.jp' },
  { id: 12, domain: 'tsubame-ai.com' },
  { id: 13, domain: 'narumi-kasei.co.jp' },
  { id: 14, domain: 'sakura-kogyo.co.jp' },
  { id: 15, domain: 'https://www.Uji-Unyu.co.jp/' },
  { id: 16, domain: 'sorarobotics.com' },
];
const contacts: WorkspaceContact[] = [
  { id: 1, email: 'naoki.matsumoto@chitose-fudosan.co.jp', accountId: 10 },
  { id: 2, email: 'Grace.Chen@Mino-Systems.co.jp', accountId: 11 },
  { id: 3, email: 'daisuke.abe@tsubame-ai.com', accountId: 12 },
  { id: 4, email: 'takuya.maeda@narumi-kasei.co.jp', accountId: 13 },
  { id: 5, email: 'lucas.moreau@sakura-kogyo.co.jp', accountId: 14 },
  { id: 6, email: 'nana.sasaki@uji-unyu.co.jp', accountId: 15 },
  { id: 7, email: 'daisuke.shimizu@sorarobotics.com', accountId: 16 },
];
const invitation = (contactId: number, status: SessionInvitation['status'], minutes: number | null = null): SessionInvitation => ({
  contactId,
  email: contacts.find((c) => c.id === contactId)!.email,
  status,
  minutes,
});
const invitations = [invitation(1, 'registered'), invitation(2, 'invited'), invitation(4, 'registered'), invitation(5, 'attended')];

const matchOf = (plan: ReturnType<typeof planAttendance>, name: string) => plan.people.find((p) => p.person.name === name)?.match;

describe('matching the Zoom sample to the workspace', () => {
  const plan = planAttendance({ persons: zoom, invitations, contacts, accounts });

  it('matches contacts by email whatever the case, on either side', () => {
    expect(matchOf(plan, '松本 直樹')).toEqual({ kind: 'contact', contactId: 1, accountId: 10 });
    expect(matchOf(plan, 'Grace Chen')).toEqual({ kind: 'contact', contactId: 2, accountId: 11 });
    // The report wrote Daisuke.Abe@tsubame-ai.com.
    expect(matchOf(plan, '阿部 大輔')).toEqual({ kind: 'contact', contactId: 3, accountId: 12 });
  });

  it('offers an unknown person at a known domain as a new contact of that account', () => {
    expect(matchOf(plan, '小林 彩花')).toEqual({ kind: 'account', accountId: 15 });
  });

  it('leaves a free-mail address and a guest without an email unmatched', () => {
    expect(matchOf(plan, 'Kenji Ono')).toEqual({ kind: 'unmatched' });
    expect(matchOf(plan, '佐藤（営業企画部）')).toEqual({ kind: 'unmatched' });
  });

  it('keeps the host and the panelist out of the attendees', () => {
    expect(plan.staff.map((p) => p.name)).toEqual(['鈴木 健一', '田中 美咲']);
    expect(plan.people.map((p) => p.person.name)).not.toContain('鈴木 健一');
  });

  it('marks invitations attended with minutes, invites an uninvited attendee, and makes no-shows of open registrations', () => {
    expect(plan.changes).toEqual([
      { contactId: 1, accountId: 10, from: 'registered', to: 'attended', minutes: 56 },
      { contactId: 2, accountId: 11, from: 'invited', to: 'attended', minutes: 62 },
      { contactId: 3, accountId: 12, from: null, to: 'attended', minutes: 48 },
      { contactId: 4, accountId: 13, from: 'registered', to: 'no_show', minutes: null },
    ]);
  });

  it('never turns someone marked attended by hand into a no-show', () => {
    expect(plan.changes.map((c) => c.contactId)).not.toContain(5);
  });

  it('changes nothing when the same report is imported again', () => {
    const after = applyAttendanceChanges(invitations, plan.changes, contacts);
    expect(after).toContainEqual({ contactId: 3, email: 'daisuke.abe@tsubame-ai.com', status: 'attended', minutes: 48 });
    expect(planAttendance({ persons: zoom, invitations: after, contacts, accounts }).changes).toEqual([]);
  });

  it('after adding the offered contact, a re-import changes only that person', () => {
    const after = applyAttendanceChanges(invitations, plan.changes, contacts);
    const added = [...contacts, { id: 8, email: 'ayaka.kobayashi@uji-unyu.co.jp', accountId: 15 }];
    expect(planAttendance({ persons: zoom, invitations: after, contacts: added, accounts }).changes).toEqual([
      { contactId: 8, accountId: 15, from: null, to: 'attended', minutes: 55 },
    ]);
  });
});

describe('matching rules', () => {
  const person = (over: Partial<ReportPerson>): ReportPerson => ({
    name: 'X',
    email: '',
    role: 'attendee',
    guest: false,
    attended: true,
    joins: [],
    minutes: 30,
    line: 2,
    ...over,
  });
  const plan = (persons: ReportPerson[], invs: SessionInvitation[] = []) => planAttendance({ persons, invitations: invs, contacts, accounts });

  it('matches a subdomain of an account domain to that account', () => {
    expect(plan([person({ email: 'ops@mail.uji-unyu.co.jp' })]).people[0]!.match).toEqual({ kind: 'account', accountId: 15 });
  });

  it('does not match a domain that only ends like an account domain', () => {
    expect(plan([person({ email: 'a@notuji-unyu.co.jp' })]).people[0]!.match).toEqual({ kind: 'unmatched' });
  });

  it('matches by the address an invitation went to when the contact has changed theirs', () => {
    const moved = { ...invitation(7, 'registered'), email: 'd.shimizu@sorarobotics.com' };
    const p = plan([person({ email: 'd.shimizu@sorarobotics.com', minutes: 40 })], [moved]);
    expect(p.people[0]!.match).toEqual({ kind: 'contact', contactId: 7, accountId: 16 });
    expect(p.changes).toEqual([{ contactId: 7, accountId: 16, from: 'registered', to: 'attended', minutes: 40 }]);
  });

  it('makes a no-show of a waitlisted or invited registrant, and leaves declined and cancelled alone', () => {
    const absent = (email: string) => person({ email, attended: false, minutes: 0 });
    const p = plan(
      [absent('naoki.matsumoto@chitose-fudosan.co.jp'), absent('grace.chen@mino-systems.co.jp'), absent('daisuke.abe@tsubame-ai.com'), absent('takuya.maeda@narumi-kasei.co.jp'), absent('lucas.moreau@sakura-kogyo.co.jp')],
      [invitation(1, 'waitlisted'), invitation(2, 'invited'), invitation(3, 'declined'), invitation(4, 'cancelled'), invitation(5, 'no_show')],
    );
    expect(p.changes).toEqual([
      { contactId: 1, accountId: 10, from: 'waitlisted', to: 'no_show', minutes: null },
      { contactId: 2, accountId: 11, from: 'invited', to: 'no_show', minutes: null },
    ]);
  });

  it('records a registrant who never joined and had no invitation as a no-show', () => {
    expect(plan([person({ email: 'takuya.maeda@narumi-kasei.co.jp', attended: false })]).changes).toEqual([
      { contactId: 4, accountId: 13, from: null, to: 'no_show', minutes: null },
    ]);
  });

  it('counts someone who cancelled but came anyway as attended', () => {
    expect(plan([person({ email: 'takuya.maeda@narumi-kasei.co.jp' })], [invitation(4, 'cancelled')]).changes).toEqual([
      { contactId: 4, accountId: 13, from: 'cancelled', to: 'attended', minutes: 30 },
    ]);
  });

  it('updates the minutes of an attendance marked by hand', () => {
    expect(plan([person({ email: 'takuya.maeda@narumi-kasei.co.jp', minutes: 45 })], [invitation(4, 'attended')]).changes).toEqual([
      { contactId: 4, accountId: 13, from: 'attended', to: 'attended', minutes: 45 },
    ]);
  });

  it('sums the minutes of one contact listed under two addresses', () => {
    const moved = { ...invitation(7, 'registered'), email: 'd.shimizu@sorarobotics.com' };
    const p = plan([person({ email: 'd.shimizu@sorarobotics.com', minutes: 10 }), person({ email: 'daisuke.shimizu@sorarobotics.com', minutes: 25 })], [moved]);
    expect(p.changes).toEqual([{ contactId: 7, accountId: 16, from: 'registered', to: 'attended', minutes: 35 }]);
  });
});

describe('what to look up', () => {
  it('is every email of the report, and every domain an account could have for them', () => {
    const { emails, domains } = reportLookups(zoom);
    expect(emails).toContain('daisuke.abe@tsubame-ai.com');
    expect(emails).not.toContain('');
    expect(domains).toEqual(expect.arrayContaining(['chitose-fudosan.co.jp', 'co.jp', 'touchplan.example', 'gmail.com']));
    expect(reportLookups([{ ...zoom[0]!, email: 'ops@mail.uji-unyu.co.jp' }]).domains).toEqual(['mail.uji-unyu.co.jp', 'uji-unyu.co.jp', 'co.jp']);
  });
});

describe('the session hosts', () => {
  it('are staff even where the report names no host', () => {
    const host: ReportPerson = { name: 'Sho', email: 'sho.takahashi@touchplan.example', role: 'attendee', guest: false, attended: true, joins: [], minutes: 60, line: 2 };
    const plan = planAttendance({ persons: [host], invitations: [], contacts, accounts, staffEmails: ['Sho.Takahashi@touchplan.example'] });
    expect(plan).toMatchObject({ staff: [host], people: [], changes: [] });
  });
});

describe('matching the Teams sample', () => {
  const plan = planAttendance({ persons: teams, invitations: [invitation(6, 'registered')], contacts, accounts });

  it('keeps the organisers out, counts the presenter, and offers the new colleague at a known account', () => {
    expect(plan.staff.map((p) => p.role)).toEqual(['organiser', 'organiser']);
    expect(matchOf(plan, '佐々木 奈々')).toEqual({ kind: 'contact', contactId: 6, accountId: 15 });
    expect(matchOf(plan, '森 真理子')).toEqual({ kind: 'account', accountId: 16 });
    expect(plan.changes).toEqual([
      { contactId: 6, accountId: 15, from: 'registered', to: 'attended', minutes: 59 },
      { contactId: 7, accountId: 16, from: null, to: 'attended', minutes: 59 },
    ]);
  });
});
