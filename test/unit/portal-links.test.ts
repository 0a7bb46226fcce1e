// The dialog's and a user's pages on their portal: only plain positive ids make an address.
import { expect, test } from 'vitest';
import { dialogUrl, userProfileUrl } from '../../main/core/portal-links';

test('a chat id makes the Open Lines address of the dialog, whatever trailing slash the origin has', () => {
  expect(dialogUrl('https://example.bitrix24.com', 1777)).toBe('https://example.bitrix24.com/online/?IM_DIALOG=chat1777');
  expect(dialogUrl('https://example.bitrix24.com/', '1777')).toBe('https://example.bitrix24.com/online/?IM_DIALOG=chat1777');
});

test('a user id makes the profile address; nobody (0) and anything not a plain id make none', () => {
  expect(userProfileUrl('https://example.bitrix24.com', '27')).toBe('https://example.bitrix24.com/company/personal/user/27/');
  for (const id of [0, '0', '-3', '27/../../admin', '2.5', '', '027', ' ']) {
    expect(userProfileUrl('https://example.bitrix24.com', id)).toBeNull();
    expect(dialogUrl('https://example.bitrix24.com', id)).toBeNull();
  }
});
