// At a glance: the states a lead checks first on the card, durations in words,
// a header dot that tells the truth about the portal, a Portals page that can
// be left, names in any script that keep the card in place, and readers drawn
// like every other row.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

test('the card shows a blocked dialog waiting for an action as such, the block in words, and since when the session runs', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('2009');
  await inspector.expectLoaded('Jordan Reyes - Messengers');
  const card = page.locator('section.summary');
  const states = page.getByRole('list', { name: 'State' });
  await expect(states.locator('[data-badge="blocked"]')).toHaveText(/^Replies blocked since \d+ \w+ \d{4}, \d\d:\d\d$/);
  await expect(states.locator('[data-badge="waitingAction"]')).toHaveText('Waiting for an automatic action');
  await expect(card).toContainText("the client's reply window has closed");
  await expect(card).toContainText('Reason code 1: Bitrix24 does not publish what its codes mean.');
  await expect(card.locator('.since')).toHaveText(/^since \d+ \w+ \d{4}, \d\d:\d\d \(.+ ago\)$/);
  await inspector.windowScreenshot('glance-blocked');

  await inspector.lookUp('2012');
  await expect(states.locator('[data-badge="silent"]')).toHaveText('Silent mode');
  await expect(states.locator('[data-badge="blocked"]')).toHaveCount(0);
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  await expect(states.locator('[data-badge="blocked"], [data-badge="pinned"], [data-badge="silent"], [data-badge="waitingAction"]')).toHaveCount(0);
});

test('an operator one dialog only numbers is named as another dialog named them, on the card and in the table', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  // Without the conversation, whose authors would name them at once: the names kept from other dialogs alone.
  expect(await harness.dispatch('settings:update', { fetchConversation: false })).toMatchObject({ ok: true });
  // As for a webhook with neither the im scope nor a user scope, which could ask the portal for the names.
  harness.emulator.injectFault({ kind: 'error', code: 'insufficient_scope', status: 403 }, { method: 'im.user.list.get', times: 10 });
  harness.emulator.injectFault({ kind: 'error', code: 'insufficient_scope', status: 403 }, { method: 'user.get', times: 10 });
  const operator = page.locator('section.summary .fact').filter({ hasText: 'Responsible operator' }).locator('dd');
  // Chat 2006 numbers its operator (27) without naming them; a reader there is manager 31.
  await inspector.lookUp('2006');
  await expect(operator).toHaveText('User 27');
  // The card says which scope would name them.
  await expect(page.getByTestId('names-need-scope')).toHaveText('Some users are shown by number: a webhook or application with the im scope would name them.');
  await expect(inspector.row('manager_list').locator('td.value')).toContainText('27, Daniel Kim (#31)');

  // Chat 1777 names user 27.
  await inspector.lookUp('chat1777');
  await expect(operator).toHaveText('Samantha Johnson (user 27)');
  await inspector.lookUp('2006');
  await expect(operator).toHaveText('Samantha Johnson (user 27)');
  await expect(inspector.row('owner').locator('td.value')).toContainText('Samantha Johnson (#27)');
  await expect(inspector.row('manager_list').locator('td.value')).toContainText('Samantha Johnson (#27), Daniel Kim (#31)');
  await expect(inspector.row('manager_list').locator('td.value bdi')).toHaveText(['Samantha Johnson', 'Daniel Kim']);
  await expect(page.getByTestId('names-need-scope')).toHaveCount(0);
});

test('an operator no answer names is asked of the portal once, and named on the card', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  expect(await harness.dispatch('settings:update', { fetchConversation: false })).toMatchObject({ ok: true });
  const operator = page.locator('section.summary .fact').filter({ hasText: 'Responsible operator' }).locator('dd');
  await inspector.lookUp('2006');
  await expect(operator).toHaveText('Samantha Johnson (user 27)');
  expect(harness.emulator.requests.filter((request) => request.method === 'im.user.list.get').map((request) => request.params['ID'])).toEqual([[27]]);
});

test('the time block’s durations read as a person would say them; the seconds as sent stay in Raw JSON', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');

  for (const path of ['time.duration', 'time.processing']) {
    const value = inspector.row(path).locator('td.value > :first-child');
    await expect(value).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
    // The seconds as Bitrix24 sent them, for whoever wants them.
    await expect(value).toHaveAttribute('title', /^\d+(\.\d+)?(e-\d+)? s, as sent$/);
  }
  await inspector.row('time.duration').scrollIntoViewIfNeeded();
  await inspector.screenshot('glance-durations');

  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.locator('pre').filter({ hasText: '"duration"' }).first()).toContainText(/"duration": \d/);
});

/** The dot in the header's portal button: its state, and what a screen reader hears. */
async function dotColour(page: Page): Promise<string> {
  // Strings, as in the other specs: this project's Node types have no DOM.
  return page.evaluate<string>(`getComputedStyle(document.querySelector('.account-menu .dot')).backgroundColor`);
}

test('the header’s dot turns red while the portal cannot be reached, says so, and turns green when it answers', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  const reachable = await dotColour(page);
  await expect(inspector.accountMenuButton).not.toHaveAccessibleName(/cannot be reached/);

  harness.emulator.injectFault({ kind: 'reset' });
  await inspector.lookUp('chat1777');
  await expect(inspector.offlineBanner).toContainText('Offline — showing the copy from');
  await expect.poll(() => dotColour(page)).not.toBe(reachable);
  await expect(inspector.accountMenuButton).toHaveAccessibleName(/cannot be reached/);
  await expect(inspector.accountMenuButton).toHaveAttribute('title', /is not answering/);
  await inspector.screenshot('glance-unreachable');

  await inspector.offlineBanner.getByRole('button', { name: 'Try the portal again' }).click();
  await expect(inspector.offlineBanner).toHaveCount(0);
  await expect.poll(() => dotColour(page)).toBe(reachable);
  await expect(inspector.accountMenuButton).not.toHaveAccessibleName(/cannot be reached/);
});

test('the Portals page keeps the header, labels the plan, and Back or Esc return to the inspector', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');

  await inspector.accountMenuItem('Add or manage portals…');
  await expect(page.getByRole('region', { name: 'Saved portals' })).toBeVisible();
  await expect(inspector.historyToggle).toBeVisible();
  await expect(inspector.accountMenuButton).toBeVisible();
  const plan = page.getByRole('combobox', { name: /^Rate limit of / });
  await expect(plan.first()).toBeVisible();
  await expect(page.locator('label.plan').first()).toContainText('Rate limit');
  await inspector.screenshot('glance-portals');

  await page.getByRole('button', { name: 'Back to the inspector' }).click();
  await expect(page.getByRole('region', { name: 'Saved portals' })).toHaveCount(0);
  await expect(inspector.lookupInput).toBeFocused();
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');

  await inspector.accountMenuItem('Add or manage portals…');
  await expect(page.getByRole('region', { name: 'Saved portals' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Saved portals' })).toHaveCount(0);
  await expect(inspector.lookupInput).toBeFocused();

  // The header's History from the Portals page goes back with the history shown.
  await inspector.accountMenuItem('Add or manage portals…');
  await inspector.historyToggle.click();
  await expect(page.getByRole('region', { name: 'Saved portals' })).toHaveCount(0);
  await expect(inspector.historyPanel).toBeVisible();
});

/** Where each fact's label and value start, and where the dialog's name starts. */
async function cardColumns(page: Page): Promise<number[]> {
  return page.evaluate<number[]>(`(() => {
    const section = document.querySelector('section.summary');
    const start = (element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return Math.round(range.getBoundingClientRect().left);
    };
    const columns = [start(section.querySelector('h1'))];
    for (const fact of section.querySelectorAll('.fact')) columns.push(start(fact.querySelector('dt')), start(fact.querySelector('dd')));
    return columns;
  })()`);
}

test('an Arabic name keeps the card’s and the table’s columns where a Latin one has them', async ({ inspector, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  const latin = await cardColumns(page);

  await inspector.lookUp('chat2002');
  await expect(inspector.dialogName).toHaveText('أحمد محمود - خدمة العملاء');
  expect(latin.length).toBeGreaterThan(8);
  expect(await cardColumns(page)).toEqual(latin);

  // In the table too: the Arabic name and the reader named in Arabic start where the id does.
  const valueStart = (path: string) =>
    page.evaluate<number>(`(() => {
      const cell = document.querySelector(${JSON.stringify(`tr[data-path="${path}"] td.value`)});
      const range = document.createRange();
      range.selectNodeContents(cell.firstElementChild);
      return Math.round(range.getBoundingClientRect().left);
    })()`);
  const idStart = await valueStart('id');
  expect(idStart).toBeGreaterThan(0);
  expect(await valueStart('name')).toBe(idStart);
  expect(await valueStart('readed_list[0]')).toBe(idStart);
  // The reader's name is isolated inside our sentence, so "(#611)" stays after it.
  await expect(inspector.row('readed_list[0]').locator('td.value bdi')).toHaveText('أحمد محمود');
  await expect(inspector.row('readed_list[0]').locator('td.value')).toContainText('أحمد محمود (#611) read up to message');
  await inspector.screenshot('glance-rtl');
});

test('readers and first viewers put who and when in the value column, under a label like every other row', async ({ inspector }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');

  const reader = inspector.row('readed_list[0]');
  await expect(reader.locator('th .label')).toHaveText('Reader 1');
  await expect(reader.locator('td.value')).toContainText('Guest (#599) read up to message 86101');
  await expect(inspector.row('readed_list[0].date').locator('td.value')).toContainText('time unknown');

  const viewer = inspector.row('last_message_views.first_viewers[0]');
  await expect(viewer.locator('th .label')).toHaveText('First viewer 1');
  await expect(viewer.locator('td.value')).toContainText('Samantha Johnson (#27) viewed it');
  await expect(inspector.row('last_message_views.first_viewers[0].date').locator('td.value time')).toHaveAttribute('datetime', /^\d{4}-/);
  await reader.scrollIntoViewIfNeeded();
  await inspector.screenshot('glance-readers');
});
