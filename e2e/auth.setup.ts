import { test as setup } from './test';
import { demo, expectSignedInAs, signIn, storageState, type DemoRole } from './helpers';

for (const role of Object.keys(demo) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, demo[role].email);
    await expectSignedInAs(page, demo[role].name);
    await page.context().storageState({ path: storageState(role) });
  });
}
