import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  // Layers (see README, "Folder map"): pure domain code in lib/ imports no
  // database; what queries lives in lib/server/ and the doors; the database
  // layer never reaches back into them; shared components never import a route.
  {
    files: ['lib/**/*.ts'],
    ignores: [
      'lib/server/**',
      'lib/server-start.ts',
      'lib/actions/action.ts',
      'lib/routes/route.ts',
      'lib/auth/current-user.ts',
      'lib/auth/options.ts',
      'lib/auth/sign-in.ts',
      'lib/auth/session.ts',
      'lib/i18n/request.ts',
      '**/*.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db/*', '@/db/**', '**/db/**'], allowTypeImports: true, message: 'Pure domain code imports no database: move the querying part to lib/server/ or db/queries/.' },
            { group: ['@/app/*', '@/app/**'], message: 'Shared code never imports a route: pass what it needs as a prop.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/seed*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/server/*', '@/lib/actions/action', '@/lib/routes/*', '@/lib/auth/current-user', '@/app/*', '@/app/**'], message: 'db/ is below lib/server and the doors: no cycle back into them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '@/app/**'], message: 'Shared code never imports a route: pass what it needs as a prop.' }] },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+[^./][^/]*/_components/|^@/app/.*/_components/', message: "A route's _components are its own: move what two routes share to components/." }] }],
    },
  },
  // One format for dates, times, money and numbers (lib/format.ts): the raw
  // APIs that format for people are refused everywhere else. Machine formats
  // (CSV, iCalendar, zone arithmetic) build their strings without them.
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    // The others listed compute with Intl or ISO strings (zones, minor units, calendar arithmetic); they show nothing.
    ignores: ['lib/format.ts', '**/*.test.ts', 'lib/scheduling/zoned.ts', 'lib/scheduling/local-date.ts', 'lib/dates.ts', 'lib/currencies.ts', 'lib/time-zones.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat', 'ListFormat'].map((name) => ({
          selector: `MemberExpression[object.name='Intl'][property.name='${name}']`,
          message: `Format for people with lib/format.ts (getFormat / useFormat), not Intl.${name}.`,
        })),
        {
          selector: "CallExpression[callee.property.name=/^(toLocaleString|toLocaleDateString|toLocaleTimeString|toFixed)$/]",
          message: 'Format for people with lib/format.ts (getFormat / useFormat): one format for dates, money and numbers.',
        },
        {
          selector: "CallExpression[callee.property.name='slice'][callee.object.callee.property.name='toISOString']",
          message: 'A day for people goes through lib/format.ts; a day for code through lib/scheduling (dateIn, local dates).',
        },
        {
          // As a selector, not no-restricted-imports, which the layer rules above already set for these folders.
          selector: "ImportSpecifier[imported.name=/^(useFormatter|getFormatter)$/]",
          message: "Use getFormat() (lib/i18n/format) or useFormat() (lib/i18n/use-format): next-intl's formatter bypasses lib/format.ts.",
        },
      ],
    },
  },
  {
    // Every spec uses e2e/test.ts, whose contexts fail a test on any CSP violation.
    files: ['e2e/**/*.ts'],
    ignores: ['e2e/test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@playwright/test', importNames: ['test'], message: "Import test from './test', which records CSP violations." }] }],
    },
  },
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'playwright-report/**', 'test-results/**', '.data/**', 'next-env.d.ts'] },
];

export default config;
