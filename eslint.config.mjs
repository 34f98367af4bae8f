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
