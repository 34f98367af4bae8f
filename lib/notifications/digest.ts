import type { Format } from '@/lib/format';
import { escapeHtml } from '@/lib/html';
import type { Translate } from '@/lib/i18n/translator';
import type { LocalDate } from '@/lib/scheduling/local-date';

// The daily digest a user may ask for (settings): at 08:00 in their zone,
// their open tasks that are overdue, due today, or new since the last one.

/** The local hour the digest goes out. */
export const digestHour = 8;

export type DigestTaskLine = { id: number; title: string; accountName: string; dueOn: LocalDate; createdAt: string };
export type DigestSections = { overdue: DigestTaskLine[]; today: DigestTaskLine[]; new: DigestTaskLine[] };

/** Each task once: overdue, else due today, else new since the last digest (`since`); anything else is left out. */
export function digestSections(tasks: DigestTaskLine[], today: LocalDate, since: string): DigestSections {
  const s: DigestSections = { overdue: [], today: [], new: [] };
  for (const task of tasks) {
    if (task.dueOn < today) s.overdue.push(task);
    else if (task.dueOn === today) s.today.push(task);
    else if (new Date(task.createdAt).getTime() >= new Date(since).getTime()) s.new.push(task);
  }
  return s;
}

export const isEmptyDigest = (s: DigestSections) => !s.overdue.length && !s.today.length && !s.new.length;

/** The email: a heading per non-empty section, a line per task, a link to the inbox and one to turn it off. */
export function digestEmail(input: { to: { name: string; email: string }; sections: DigestSections; today: LocalDate; appUrl: string }, t: Translate, format: Format) {
  const base = input.appUrl.replace(/\/$/, '');
  const inbox = `${base}/tasks`;
  const settings = `${base}/settings`;
  const groups = (['overdue', 'today', 'new'] as const)
    .filter((k) => input.sections[k].length)
    .map((k) => ({
      heading: t(`notifications.digest.${k}`, { count: input.sections[k].length }),
      lines: input.sections[k].map((task) => t('notifications.digest.line', { title: task.title, account: task.accountName, due: format.date(task.dueOn) })),
    }));
  const subject = t('notifications.digest.subject', { date: format.date(input.today) });
  const greeting = t('notifications.digest.hello', { name: input.to.name });
  const open = t('notifications.digest.open');
  const footer = t('notifications.digest.footer');
  const text = [greeting, '', ...groups.flatMap((g) => [g.heading, ...g.lines.map((l) => `- ${l}`), '']), `${open}: ${inbox}`, '', '--', `${footer} ${settings}`].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#18181b;line-height:1.6">
<p>${escapeHtml(greeting)}</p>
${groups.map((g) => `<h3 style="font-size:14px;margin:16px 0 4px">${escapeHtml(g.heading)}</h3><ul style="margin:0;padding-left:20px">${g.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`).join('\n')}
<p><a href="${escapeHtml(inbox)}" style="display:inline-block;background:#0f766e;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${escapeHtml(open)}</a></p>
<p style="color:#71717a;font-size:12px">${escapeHtml(footer)} <a href="${escapeHtml(settings)}" style="color:#71717a">${escapeHtml(settings)}</a></p>
</body></html>`;
  return { to: { name: input.to.name, address: input.to.email }, subject, text, html };
}
