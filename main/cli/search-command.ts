// `openlines-inspector search <text>`: the dialogs kept on this computer whose
// name, ids, user code, CRM bindings, line or people match, best first.
import { SNIPPET_MATCH_END, SNIPPET_MATCH_START, type DialogSearchHit } from '../store/index';
import { toEnvelope } from '../core/error-codes';
import { messages } from '../core/messages/index';
import { formatError, humanDate, printable } from './format-human';
import { chosenPortal, portalNamer } from './open-accounts';
import { openStoreForCli } from './open-store';
import type { SearchOptions, Streams } from './cli-options';

/** Snippets mark matches with control characters; a terminal and JSON get « » instead. */
function readableSnippet(snippet: string): string {
  return snippet.split(SNIPPET_MATCH_START).join('«').split(SNIPPET_MATCH_END).join('»');
}

function formatHit(hit: DialogSearchHit, portalName: (key: string) => string): string {
  return [
    `${hit.dialogId}  ${printable(hit.name)}`,
    `  ${printable(readableSnippet(hit.snippet))}`,
    `  ${printable(portalName(hit.account))} · ${messages().cli.search.asOf(humanDate(hit.fetchedAt))}${hit.userCode ? ` · ${printable(hit.userCode)}` : ''}`,
  ].join('\n');
}

export async function runSearch(options: SearchOptions, { out, err }: Streams): Promise<number> {
  const store = openStoreForCli(options.dataDir, err);
  if (!store) return 1;
  try {
    const portal = chosenPortal(options.dataDir, options.account, store, err);
    if (portal === undefined) return 2;
    const hits = store.searchDialogs(options.text, { limit: options.limit, ...(portal ? { account: portal } : {}) });
    if (options.json) {
      out.write(`${JSON.stringify(hits.map((hit) => ({ ...hit, snippet: readableSnippet(hit.snippet) })), null, 2)}\n`);
    } else if (hits.length === 0) {
      out.write(`${messages().cli.search.noMatch(printable(options.text))}\n`);
    } else {
      const portalName = portalNamer(options.dataDir);
      out.write(`${hits.map((hit) => formatHit(hit, portalName)).join('\n\n')}\n`);
    }
    return 0;
  } catch (error) {
    // A lock that blocks even reading (another program's exclusive lock) is STORE_BUSY, in words.
    err.write(`${formatError(null, toEnvelope(error))}\n`);
    return 1;
  } finally {
    store.close();
  }
}
