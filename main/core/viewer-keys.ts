// Which keys of an imopenlines.dialog.get answer depend on who asks rather than
// on the dialog: the caller's own unread counter and first unread message
// (`counter`, `unread_id`), the caller's read and "marked unread" places in the
// chat (`last_id`, `marked_id`: the caller's relation to the chat, not the
// chat's last message, which is `last_message_id`), the caller's role, what the
// caller may do (`permissions`, `restrictions`, `text_field_enabled`).
// The brief (§8) names counter/unread_id/role/permissions; the seed's own
// words say the same of the rest. `user_counter` is not here: the docs call it
// the number of participants with unread messages, the same for every asker.

const VIEWER_KEYS: ReadonlySet<string> = new Set([
  'counter',
  'unread_id',
  'last_id',
  'marked_id',
  'role',
  'text_field_enabled',
  'permissions',
  'restrictions',
]);

/** Whether the value at `key` (`counter`, `permissions.can_post`, `restrictions["x y"]`) depends on the asking user. */
export function dependsOnViewer(key: string): boolean {
  const top = /^[^.[]*/.exec(key)?.[0] ?? key;
  return VIEWER_KEYS.has(top);
}
