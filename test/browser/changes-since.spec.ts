// Looking a dialog up again shows what moved since the previous time, in words.
import { test, expect } from './support/fixtures';

test('a dialog that became pinned, waiting, blocked, silent, renamed and moved to a deal says each, not "no changes"', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  const changes = page.getByRole('region', { name: 'Changes since the previous lookup' });
  await expect(changes).toHaveCount(0);

  await inspector.lookUp('1777');
  await expect(changes).toContainText('No changes since the previous lookup');

  harness.emulator.updateDialog(
    1777,
    {
      name: 'VIP: Green Guest',
      owner: 31,
      message_count: 110,
      counter: 2,
      entity_data_1: 'Y|DEAL|77|Y|Y|350|1773700000|0|1773700000|USER',
      entity_data_2: 'LEAD|0|COMPANY|0|CONTACT|0|DEAL|77',
      entity_data_3: 'Y',
    },
    { newSessionId: 350 },
  );
  await inspector.lookUp('chat1777');
  await expect(changes).toContainText('Changed since the previous lookup');
  const said = changes.getByRole('listitem');
  for (const text of [
    'A new session started: 350 (was 343)',
    'CRM binding moved: lead 1209 → deal 77',
    'Pinned to its operator',
    'The session now waits for an automatic action',
    'Blocked (reason: USER)',
    'Silent mode on',
    'Renamed: “Green Guest #17 - Bitrix24 Documentation” → “VIP: Green Guest”',
    'Responsible operator changed: Samantha Johnson (27) →',
    '6 new messages',
  ]) {
    await expect(said.filter({ hasText: text })).toHaveCount(1);
  }
  // The caller's own unread counter differs too, but is named apart, not as a change.
  await expect(said.filter({ hasText: 'counter' })).toHaveCount(0);
  await expect(changes).toContainText('Also differ, as they depend on who asks (not changes of the dialog): counter');
  await inspector.screenshot('changes');
});
