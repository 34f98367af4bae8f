import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAttendeeReport } from '@/lib/programs/attendee-report';
import { planAttendance } from '@/lib/programs/attendance-matching';
import { defaultPolicy } from '@/lib/tiering/policy';
import { generateDemoAccounts } from './seed-accounts';
import { generateDemoContacts } from './seed-contacts';

// The sample reports under samples/ name people of the demo workspace, so a
// new user who imports them sees matches: this holds them to the demo seed.

const demo = generateDemoAccounts({ policy: { ...defaultPolicy, version: 1 }, today: '2026-11-28', csmIds: [3, 4, 5] });
const accounts = demo.map((a, i) => ({ id: i + 1, domain: a.input.domain }));
const people = generateDemoContacts(accounts);
const contacts = people.map((c, i) => ({ id: i + 1, email: c.email, accountId: c.accountId }));
const domainOf = (accountId: number) => accounts.find((a) => a.id === accountId)?.domain;

function matches(sample: string) {
  const result = readAttendeeReport(new Uint8Array(readFileSync(new URL(`../samples/${sample}`, import.meta.url))), 'Asia/Tokyo');
  if (!result.ok) throw new Error(result.error.key);
  const plan = planAttendance({ persons: result.report.persons, invitations: [], contacts, accounts });
  return plan.people.map(({ person, match }) => {
    if (match.kind === 'contact') return [person.name, 'contact', people[match.contactId - 1]!.name, domainOf(match.accountId)];
    if (match.kind === 'account') return [person.name, 'new contact at', domainOf(match.accountId)];
    return [person.name, 'unmatched'];
  });
}

describe('the sample attendee reports against the demo workspace', () => {
  it('Zoom: five contacts, one new contact at a known account, two to resolve by hand', () => {
    expect(matches('zoom-webinar-attendee-report.csv')).toEqual([
      ['松本 直樹', 'contact', '松本 直樹', 'chitose-fudosan.co.jp'],
      ['Grace Chen', 'contact', 'Grace Chen', 'mino-systems.co.jp'],
      ['阿部 大輔', 'contact', '阿部 大輔', 'tsubame-ai.com'],
      ['小林 彩花', 'new contact at', 'uji-unyu.co.jp'],
      ['Kenji Ono', 'unmatched'],
      ['佐藤（営業企画部）', 'unmatched'],
      ['前田 拓也', 'contact', '前田 拓也', 'narumi-kasei.co.jp'],
      ['Lucas Moreau', 'contact', 'Lucas Moreau', 'sakura-kogyo.co.jp'],
    ]);
  });

  it('Teams: four contacts, one new contact at a known account, one guest', () => {
    expect(matches('teams-attendance-report.csv')).toEqual([
      ['佐々木 奈々', 'contact', '佐々木 奈々', 'uji-unyu.co.jp'],
      ['Olivia Brown', 'contact', 'Olivia Brown', 'chitose-retail.co.jp'],
      ['加藤 恵', 'contact', '加藤 恵', 'shirasagi-foods.co.jp'],
      ['清水 大輔', 'contact', '清水 大輔', 'sorarobotics.com'],
      ['森 真理子', 'new contact at', 'sorarobotics.com'],
      ['Sophie Martin', 'unmatched'],
    ]);
  });
});
