// What a route decides to send, kept apart from the socket so the OAuth routes
// stay plain functions that any server (or a test) can mount.
export type HttpAnswer =
  | { kind: 'json'; status: number; payload: unknown }
  | { kind: 'html'; status: number; html: string }
  | { kind: 'redirect'; location: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
