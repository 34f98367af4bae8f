import type en from './messages/en.json';
import type enAuditLog from './messages/en.auditLog.json';
import type enContacts from './messages/en.contacts.json';
import type enTouches from './messages/en.touches.json';
import type enContent from './messages/en.content.json';
import type enCalendar from './messages/en.calendar.json';
import type enFeeds from './messages/en.feeds.json';
import type enImport from './messages/en.import.json';
import type enContactImport from './messages/en.contactImport.json';
import type enPlan from './messages/en.plan.json';
import type enSeries from './messages/en.series.json';
import type enPrograms from './messages/en.programs.json';
import type enCoverage from './messages/en.coverage.json';
import type enCapacity from './messages/en.capacity.json';
import type enEconomics from './messages/en.economics.json';
import type enSignals from './messages/en.signals.json';
import type enHealth from './messages/en.health.json';
import type enTasks from './messages/en.tasks.json';
import type enAlerts from './messages/en.alerts.json';
import type enNotifications from './messages/en.notifications.json';
import type enCampaigns from './messages/en.campaigns.json';
import type enAccountView from './messages/en.accountView.json';
import type { Locale } from './locales';

// next-intl checks every translation key against the English catalog (the
// Japanese one has the same keys, see catalog.test.ts). Feature catalogs are
// namespaces of their own, as loadMessages merges them.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en & {
      import: typeof enImport;
      contactImport: typeof enContactImport;
      series: typeof enSeries;
      plan: typeof enPlan;
      calendar: typeof enCalendar;
      feeds: typeof enFeeds;
      contacts: typeof enContacts;
      touches: typeof enTouches;
      content: typeof enContent;
      auditLog: typeof enAuditLog;
      programs: typeof enPrograms;
      coverage: typeof enCoverage;
      capacity: typeof enCapacity;
      economics: typeof enEconomics;
      signals: typeof enSignals;
      health: typeof enHealth;
      tasks: typeof enTasks;
      alerts: typeof enAlerts;
      notifications: typeof enNotifications;
      campaigns: typeof enCampaigns;
      accountView: typeof enAccountView;
    };
  }
}
