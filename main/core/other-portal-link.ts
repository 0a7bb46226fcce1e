// A Bitrix24 link names its portal. Looked up on another portal, the same id
// is another dialog, often another client's: so a link whose host is not the
// connected portal's is refused before anything is asked, saying which saved
// account (if any) is for that host. Shared by the window's lookup and the CLI's.
import type { DialogQuery, PortalInfo } from './dialog-types';
import { errorEnvelope, InspectorError } from './error-codes';
import { messages } from './messages/index';
import { sameHost } from './portal-host';

/** What the refusal needs of a saved account (an AccountSummary is one). */
export interface SavedPortal {
  id: string;
  name: string;
  host: string;
}

/** Who reads what to do: the window (the portal menu, a button) or the terminal (--account). */
export type Reader = 'window' | 'terminal';

/** The first saved account for `host`; several webhook users of one portal share it, and any will do to offer. */
function accountFor(host: string, saved: readonly SavedPortal[]): SavedPortal | null {
  return saved.find((account) => sameHost(account.host, host)) ?? null;
}

/**
 * Throws LINK_OTHER_PORTAL when `query` came from a link to another portal
 * than `portal`; does nothing for a typed identifier or a link to `portal`.
 * The demo's host is a loopback address, so a real portal's link is never it.
 */
export function refuseLinkToOtherPortal(query: DialogQuery, portal: PortalInfo, saved: readonly SavedPortal[], reader: Reader): void {
  const linkHost = query.linkHost;
  if (linkHost === undefined || sameHost(linkHost, portal.host)) return;
  const said = messages().errors.otherPortal;
  const terminal = messages().cli.otherPortal;
  const offer = accountFor(linkHost, saved);
  const action =
    offer === null
      ? reader === 'window'
        ? said.noneSaved(linkHost)
        : terminal.noneSaved(linkHost)
      : reader === 'window'
        ? said.switchTo(offer.name, linkHost)
        : terminal.useAccount(offer.name, linkHost);
  const envelope = errorEnvelope('LINK_OTHER_PORTAL', {
    message: said.message(linkHost, portal.demo ? said.theDemo : portal.host),
    action,
  });
  if (offer !== null) envelope.otherAccount = { id: offer.id, name: offer.name };
  throw new InspectorError(envelope);
}
