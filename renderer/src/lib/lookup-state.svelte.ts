// The lookup: what is typed, what it is recognised as, and the last answer.
import { looksLikeList, type DialogQuery, type ErrorEnvelope, type IdentifierList, type LookupRequest, type LookupResult, type LookupWait, type NumberAs } from '../../../preload/api-contract';
import { bridge, call } from './api';
import { announcer } from './announcer.svelte';
import { emit } from './app-events';
import { i18n } from './i18n.svelte';
import { relativeTime } from './relative-time';

const ACCOUNT_CODES = new Set(['OAUTH_SIGN_IN_AGAIN', 'ACCOUNT_SECRETS_UNREADABLE', 'ACCOUNT_SECRETS_FORGOTTEN']);

export type Recognition =
  | { state: 'empty' }
  | { state: 'checking' }
  | { state: 'recognised'; query: DialogQuery }
  /** More than one piece: offered as a bulk run, each piece recognised or refused on its own by main. */
  | { state: 'list'; list: IdentifierList }
  | { state: 'refused'; error: ErrorEnvelope };

const PARSE_DELAY_MS = 120;
/** How often the countdown of a wait is redrawn; main says only when a wait starts or grows. */
const COUNTDOWN_TICK_MS = 250;

/** A wait as shown: main's, counted down here. */
export type ShownWait = Pick<LookupWait, 'reason' | 'attempt'> & { remainingMs: number };

class LookupStore {
  input = $state('');
  numberAs = $state<NumberAs>('chat');
  recognition = $state.raw<Recognition>({ state: 'empty' });
  /** True after Enter on input that was refused: the hint is shown as an error. */
  refusedOnSubmit = $state(false);
  status = $state<'idle' | 'loading' | 'loaded' | 'failed'>('idle');
  /** What is being looked up right now ("Chat id 1777"). */
  loadingLabel = $state('');
  /** Where the answer being waited for comes from: the portal, or the copy kept on this computer. */
  loadingFrom = $state<'portal' | 'cache'>('portal');
  result = $state.raw<LookupResult | null>(null);
  error = $state.raw<ErrorEnvelope | null>(null);
  /** Counts lookups answered (found, failed or from the cache): each one is a new history entry. */
  completed = $state(0);
  /** What was in the field when the answer (or error) shown was asked for, trimmed; '' before any. */
  shownFor = $state('');
  /** The field says something else than what the answer shown is for (a new input, or one refused on Enter). */
  get fieldDiffers(): boolean {
    const typed = this.input.trim();
    return this.shownFor !== '' && typed !== '' && typed !== this.shownFor && (this.result !== null || this.error !== null);
  }
  /** Set while the running lookup waits for the portal's limits: why, and for how much longer. */
  waiting = $state.raw<ShownWait | null>(null);
  #requestId: string | null = null;
  #countdown: ReturnType<typeof setInterval> | undefined;

  #parseTimer: ReturnType<typeof setTimeout> | undefined;
  #parseSeq = 0;
  #lookupSeq = 0;
  #lastRequest: LookupRequest | null = null;

  get loading(): boolean {
    return this.status === 'loading';
  }

  /** There is a request to send to the portal again (not after opening another portal's kept copy). */
  get canRetry(): boolean {
    return this.#lastRequest !== null;
  }

  /** The saved reading of bare numbers, and the window's language (loaded before the first screen). */
  async loadSettings(): Promise<void> {
    const settings = await call((api) => api.getSettings());
    if (settings.ok) {
      this.numberAs = settings.value.numberAs;
      await i18n.use(settings.value.resolvedLanguage);
    } else {
      i18n.fallBack();
    }
  }

  setInput(value: string): void {
    this.input = value;
    this.refusedOnSubmit = false;
    clearTimeout(this.#parseTimer);
    if (value.trim() === '') {
      this.#parseSeq++;
      this.recognition = { state: 'empty' };
      return;
    }
    if (this.recognition.state === 'empty') this.recognition = { state: 'checking' };
    this.#parseTimer = setTimeout(() => void this.#parse(), PARSE_DELAY_MS);
  }

  async setNumberAs(value: NumberAs): Promise<void> {
    if (value === this.numberAs) return;
    this.numberAs = value;
    if (this.input.trim() !== '') void this.#parse();
    const saved = await call((api) => api.updateSettings({ numberAs: value }));
    if (!saved.ok) announcer.showNotice(i18n.messages.lookup.choiceNotSaved(saved.error.title), 'error');
  }

  /** Asks main what the input is; only the newest answer is kept. */
  async #parse(): Promise<Recognition> {
    clearTimeout(this.#parseTimer);
    const seq = ++this.#parseSeq;
    const request = { input: this.input, numberAs: this.numberAs };
    if (request.input.trim() === '') {
      this.recognition = { state: 'empty' };
      return this.recognition;
    }
    let recognition: Recognition | null = null;
    if (looksLikeList(request.input)) {
      // A list is never refused for its spaces: main says what each piece is. Fewer than two
      // identifiers in it ("chat 1777", "1 777") is one identifier mistyped: its advice says how.
      const split = await call((api) => api.splitIdentifiers({ text: request.input, numberAs: request.numberAs }));
      if (!split.ok) recognition = { state: 'refused', error: split.error };
      else if (split.value.items.filter((item) => 'query' in item).length >= 2) recognition = { state: 'list', list: split.value };
    }
    if (recognition === null) {
      const parsed = await call((api) => api.parseIdentifier(request));
      recognition = parsed.ok ? { state: 'recognised', query: parsed.value } : { state: 'refused', error: parsed.error };
    }
    if (seq === this.#parseSeq) this.recognition = recognition;
    return recognition;
  }

  /** Enter / the button: refuse what is not an identifier, otherwise look it up. */
  async run(): Promise<void> {
    if (this.loading) return;
    if (this.input.trim() === '') {
      this.refusedOnSubmit = false;
      this.recognition = { state: 'empty' };
      announcer.announce(i18n.messages.lookup.pasteFirst);
      return;
    }
    const request: LookupRequest = { input: this.input, numberAs: this.numberAs };
    const recognition = await this.#parse();
    if (recognition.state === 'list') {
      this.refusedOnSubmit = false;
      emit('bulk-requested', { inputs: recognition.list.items.map((item) => item.input), numberAs: request.numberAs });
      return;
    }
    if (recognition.state !== 'recognised') {
      this.refusedOnSubmit = true;
      if (recognition.state === 'refused') announcer.announce(recognition.error.title);
      return;
    }
    await this.#lookup(request, recognition.query);
  }

  /** What the last lookup sent, to send again elsewhere (a link's own portal); null when there is nothing to send again. */
  get lastRequest(): LookupRequest | null {
    return this.#lastRequest;
  }

  async retry(): Promise<void> {
    if (this.#lastRequest) await this.runRequest(this.#lastRequest);
  }

  /** Sends `request` again as it was, after the portal it goes to changed (or to the same one: retry). */
  async runRequest(request: LookupRequest): Promise<void> {
    if (this.loading) return;
    const parsed = await call((api) => api.parseIdentifier(request));
    await this.#lookup(request, parsed.ok ? parsed.value : null);
  }

  async #lookup(request: LookupRequest, query: DialogQuery | null): Promise<void> {
    emit('single-dialog', {});
    const seq = ++this.#lookupSeq;
    this.#lastRequest = request;
    this.status = 'loading';
    this.loadingFrom = 'portal';
    this.loadingLabel = query ? query.label : request.input.trim();
    const requestId = crypto.randomUUID();
    this.#requestId = requestId;
    this.#showWait(null);
    // Subscribed before asking, so no wait main pushes is missed; only this lookup's are shown.
    const unsubscribe =
      bridge()?.onLookupProgress((progress) => {
        if (progress.requestId === requestId && this.#requestId === requestId) this.#showWait(progress.waiting);
      }) ?? (() => {});
    const answer = await call((api) => api.lookup({ ...request, requestId }));
    unsubscribe();
    if (this.#requestId === requestId) {
      this.#requestId = null;
      this.#showWait(null);
    }
    this.completed++;
    if (seq !== this.#lookupSeq) return;
    this.shownFor = request.input.trim();
    if (answer.ok) {
      this.showResult(answer.value);
    } else {
      this.error = answer.error;
      this.status = 'failed';
      announcer.announce(answer.error.title);
      // The account's state changed in main (sign in again, credentials gone): the header shows it.
      if (ACCOUNT_CODES.has(answer.error.code)) emit('account-changed', { code: answer.error.code });
    }
  }

  /** Shows a wait main pushed and counts it down; at its end the request is on its way, and nothing is shown. */
  #showWait(wait: LookupWait | null): void {
    clearInterval(this.#countdown);
    if (wait === null || wait.waitMs <= 0) {
      this.waiting = null;
      return;
    }
    const endsAt = performance.now() + wait.waitMs;
    this.waiting = { reason: wait.reason, attempt: wait.attempt, remainingMs: wait.waitMs };
    this.#countdown = setInterval(() => {
      const remainingMs = endsAt - performance.now();
      if (remainingMs <= 0) this.#showWait(null);
      else if (this.waiting) this.waiting = { ...this.waiting, remainingMs };
    }, COUNTDOWN_TICK_MS);
  }

  /** Stops the running lookup wherever it is; it then ends as "Request cancelled". */
  async cancel(): Promise<void> {
    const requestId = this.#requestId;
    if (requestId === null) return;
    await call((api) => api.cancelLookup({ requestId }));
  }

  /** Shows an answer in the inspector, as a lookup does, and says so in the live region. */
  showResult(result: LookupResult): void {
    this.result = result;
    this.error = null;
    this.status = 'loaded';
    const dialogId = result.dialog['dialog_id'];
    const label = typeof dialogId === 'string' ? dialogId : result.query.input;
    const m = i18n.messages.lookup;
    announcer.announce(result.source === 'cache' ? m.openedKept(label, relativeTime(result.fetchedAt)) : m.loaded(label));
  }

  /**
   * Opens the copy of a dialog kept on this computer, without asking the portal.
   * On success it replaces what the inspector shows; on failure (NOT_CACHED…)
   * the inspector keeps its answer and the error is returned for the caller to show.
   * `current` says whether the copy belongs to the connected portal, so "Try the portal again" can ask it.
   */
  async openCached(request: { account: string; chatId: number }, current: boolean): Promise<ErrorEnvelope | null> {
    const seq = ++this.#lookupSeq;
    const before = this.status;
    this.status = 'loading';
    this.loadingFrom = 'cache';
    this.loadingLabel = `chat${request.chatId}`;
    const answer = await call((api) => api.openCachedDialog(request));
    if (seq !== this.#lookupSeq) return answer.ok ? null : answer.error;
    if (!answer.ok) {
      this.status = before === 'loading' ? (this.result ? 'loaded' : this.error ? 'failed' : 'idle') : before;
      announcer.announce(answer.error.title);
      return answer.error;
    }
    emit('single-dialog', {});
    this.#lastRequest = current ? { input: `chat${request.chatId}`, numberAs: 'chat' } : null;
    // The field names what is shown: the copy's dialog id, not whatever was typed before.
    this.setInput(`chat${request.chatId}`);
    this.shownFor = this.input;
    this.showResult(answer.value);
    return null;
  }

  /** Forget the answer (another portal was connected). */
  clearResult(): void {
    this.#lookupSeq++;
    this.#lastRequest = null;
    this.result = null;
    this.error = null;
    this.shownFor = '';
    this.status = 'idle';
  }

  /** Puts what the shown answer is for back into the field. */
  putBackShown(): void {
    if (this.shownFor !== '') this.setInput(this.shownFor);
  }
}

export const lookup = new LookupStore();
