// Addresses of a dialog and of a user on their own portal: plain data that
// imports nothing, so the card makes them where it shows the dialog, and main
// opens them only after checking the origin is the connected portal's.

function base(portalOrigin: string): string {
  return portalOrigin.replace(/\/+$/, '');
}

function positiveId(id: number | string): string | null {
  const text = String(id).trim();
  return /^[1-9]\d{0,15}$/.test(text) ? text : null;
}

/** The dialog in the portal's Open Lines workspace (`/online/?IM_DIALOG=chat<ID>`); null without a chat id. */
export function dialogUrl(portalOrigin: string, chatId: number | string): string | null {
  const id = positiveId(chatId);
  return id === null ? null : `${base(portalOrigin)}/online/?IM_DIALOG=chat${id}`;
}

/** A user's profile page on the portal; null for user 0 (nobody) and anything but a plain id. */
export function userProfileUrl(portalOrigin: string, userId: number | string): string | null {
  const id = positiveId(userId);
  return id === null ? null : `${base(portalOrigin)}/company/personal/user/${id}/`;
}
