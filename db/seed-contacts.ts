import type { ContactLanguage, ContactRole } from '@/lib/vocabulary';
import { prng } from './seed-accounts';

// The demo's people: 2 to 4 contacts per account, mostly Japanese, some
// English-speaking (a foreign-owned customer's staff), with the roles a
// CS team records. Pure and deterministic, like the rest of the demo.

export type DemoContact = {
  accountId: number;
  name: string;
  email: string;
  title: string;
  roles: ContactRole[];
  language: ContactLanguage | null;
  noProgramEmails: boolean;
};

// [family name, romaji] and [given name, romaji]: the email is written in romaji.
const families: [string, string][] = [
  ['佐々木', 'sasaki'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
  ['吉田', 'yoshida'], ['山田', 'yamada'], ['松本', 'matsumoto'], ['井上', 'inoue'], ['木村', 'kimura'],
  ['林', 'hayashi'], ['清水', 'shimizu'], ['山口', 'yamaguchi'], ['森', 'mori'], ['池田', 'ikeda'],
  ['橋本', 'hashimoto'], ['阿部', 'abe'], ['石川', 'ishikawa'], ['前田', 'maeda'], ['藤田', 'fujita'],
];
const givens: [string, string][] = [
  ['大輔', 'daisuke'], ['直樹', 'naoki'], ['拓也', 'takuya'], ['健太', 'kenta'], ['亮', 'ryo'],
  ['由美', 'yumi'], ['恵', 'megumi'], ['真理子', 'mariko'], ['彩花', 'ayaka'], ['奈々', 'nana'],
  ['浩二', 'koji'], ['智子', 'tomoko'], ['誠', 'makoto'], ['美穂', 'miho'], ['翼', 'tsubasa'],
];
const western: [string, string][] = [
  ['Emily', 'Carter'], ['James', 'Wilson'], ['Sophie', 'Martin'], ['Daniel', 'Kim'], ['Olivia', 'Brown'],
  ['Lucas', 'Moreau'], ['Grace', 'Chen'], ['Noah', 'Schmidt'],
];
// Title and roles by position: the first contact is the champion, the second the sponsor.
const slots: { ja: string; en: string; roles: ContactRole[] }[] = [
  { ja: '情報システム部 課長', en: 'IT Manager', roles: ['champion', 'admin'] },
  { ja: '執行役員 CIO', en: 'CIO', roles: ['executive_sponsor'] },
  { ja: '営業企画部', en: 'Sales Operations', roles: ['end_user'] },
  { ja: '経理部 主任', en: 'Accounting', roles: ['billing'] },
];

export function generateDemoContacts(accounts: { id: number; domain: string }[], seed = 20261128): DemoContact[] {
  const rand = prng(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const out: DemoContact[] = [];
  for (const account of accounts) {
    const count = 2 + Math.floor(rand() * 3);
    const english = rand() < 0.15;
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      const slot = slots[i]!;
      let name: string;
      let local: string;
      if (english) {
        const [given, family] = pick(western);
        name = `${given} ${family}`;
        local = `${given}.${family}`.toLowerCase();
      } else {
        const [family, familyRomaji] = pick(families);
        const [given, givenRomaji] = pick(givens);
        name = `${family} ${given}`;
        local = `${givenRomaji}.${familyRomaji}`;
      }
      // Two people with the same name at one company get a numbered address.
      let email = `${local}@${account.domain}`;
      for (let n = 2; used.has(email); n++) email = `${local}${n}@${account.domain}`;
      used.add(email);
      out.push({
        accountId: account.id,
        name,
        email,
        title: english ? slot.en : slot.ja,
        roles: slot.roles,
        language: english ? 'en' : rand() < 0.3 ? 'ja' : null,
        noProgramEmails: rand() < 0.05,
      });
    }
  }
  return out;
}
