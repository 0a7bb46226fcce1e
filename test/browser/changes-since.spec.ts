// Looking a dialog up again shows what moved since the previous time.
import { test, expect } from './support/fixtures';

test('a dialog that changed on the portal shows its old and new values', async ({ inspector, harness, page }) => {
  await inspector.openConnected();
  await inspector.lookUp('chat1777');
  await inspector.expectLoaded('Green Guest #17 - Bitrix24 Documentation');
  const changes = page.getByRole('region', { name: 'Changes since the previous lookup' });
  await expect(changes).toHaveCount(0);

  await inspector.lookUp('1777');
  await expect(changes).toContainText('No changes since the previous lookup');

  harness.emulator.updateDialog(1777, { owner: 31, message_count: 110, entity_data_1: 'Y|LEAD|1209|Y|N|350|1773700000|0|0|0' }, { newSessionId: 350 });
  await inspector.lookUp('chat1777');
  await expect(changes).toContainText('Changed since the previous lookup');
  await expect(changes.getByRole('listitem')).toHaveCount(3);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Responsible operator' })).toContainText(/27\s*→\s*31/);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Session id' })).toContainText(/343\s*→\s*350/);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Messages in the chat' })).toContainText(/104\s*→\s*110/);
  await inspector.screenshot('changes');
});
