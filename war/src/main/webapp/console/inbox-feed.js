// The caller's inbox as one live feed, shared by the nav's unread badge and the Inbox view. One
// SSE stream per signed-in tab, not one per consumer: the server lets a token hold five streams on
// a node and ends the oldest when a sixth opens. The stream opens when the first consumer
// subscribes and stops when the last one stops (the badge holds it from sign-in to sign-out).

import { stream } from './api.js';

/** How soon after a first `event: closed` a second one pauses the feed (see onClosed). */
const CLOSED_AGAIN_MS = 60000;

/** How long to gather new items before asking for the unread count once for all of them. */
const COUNT_DELAY_MS = 250;

let current = null;

/**
 * Subscribes to the inbox of the signed-in caller. `listener` may have
 * item(item): a new item, once per id, as the stream sends it;
 * state(state, message): 'connecting', 'live', 'reconnecting' or 'paused' (with the server's reason);
 * count(n): the unread count, whenever it may have changed.
 * state and count are also called at once with what is known. Returns
 * {refreshCount(), reconnect(), stop()}; stop() ends this subscription (and the stream with the last).
 */
export function subscribeInbox(ctx, listener) {
  if (current && current.ctx !== ctx) current.close(); // a previous sign-in's feed left behind
  if (!current) current = new Feed(ctx);
  return current.add(listener);
}

class Feed {
  constructor(ctx) {
    this.ctx = ctx;
    this.listeners = new Set();
    this.seen = new Set(); // ids already passed on: a resume may repeat an item
    this.state = 'connecting';
    this.message = '';
    this.count = null;
    this.countCalls = 0;
    this.countTimer = null;
    this.lastClosedAt = 0;
    this.stopStream = null;
    this.closed = false;
    this.connect();
  }

  add(listener) {
    this.listeners.add(listener);
    listener.state?.(this.state, this.message);
    if (this.count !== null) listener.count?.(this.count);
    let stopped = false;
    return {
      refreshCount: () => this.refreshCount(),
      reconnect: () => this.reconnect(),
      stop: () => {
        if (stopped) return;
        stopped = true;
        this.listeners.delete(listener);
        if (this.listeners.size === 0) this.close();
      },
    };
  }

  connect() {
    this.stopStream = stream(this.ctx.org.path('inbox/stream'), {
      onEvent: (event) => this.onEvent(event),
      onState: (state) => this.setState(state === 'open' ? 'live' : 'reconnecting'),
    });
  }

  reconnect() {
    if (this.stopStream || this.closed) return;
    this.setState('connecting');
    this.connect();
  }

  onEvent({ event, data }) {
    if (event === 'notification') {
      const item = parse(data);
      if (!item || !item.id || this.seen.has(item.id)) return;
      this.seen.add(item.id);
      this.emit('item', item);
      this.countSoon();
    } else if (event === 'closed') {
      this.onClosed((parse(data) || {}).message || 'The server closed the live connection');
    }
  }

  /**
   * The server ended the stream: its token was revoked or expired, the token opened a sixth
   * stream, or this tab read too slowly. stream() reconnects by itself, which is right for the
   * first and last: a revoked token's reconnect gets 401 and the console signs out, a slow reader
   * resumes where it was. But when several tabs (or devices) share a token beyond the limit, each
   * reconnect would end another's stream and they would take turns for ever; so a second close
   * within a minute pauses the feed until the user asks to reconnect.
   */
  onClosed(message) {
    const now = Date.now();
    const again = now - this.lastClosedAt < CLOSED_AGAIN_MS;
    this.lastClosedAt = now;
    if (!again) return;
    this.stopStream();
    this.stopStream = null;
    this.setState('paused', message);
  }

  setState(state, message = '') {
    this.state = state;
    this.message = message;
    this.emit('state', state, message);
    // Whatever happened while we were not listening (reads on another device, items the stream
    // could not resume) shows in the count: ask again whenever the stream is (back) up.
    if (state === 'live') this.refreshCount();
  }

  countSoon() {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => this.refreshCount(), COUNT_DELAY_MS);
  }

  async refreshCount() {
    const call = ++this.countCalls;
    try {
      const { count } = await this.ctx.org.get('inbox/unread-count');
      // Only the latest answer counts: an earlier call may answer after a later one.
      if (call !== this.countCalls || this.closed) return;
      this.count = count;
      this.emit('count', count);
    } catch {
      // The badge keeps its last count; the next item or action asks again (a 401 signs out).
    }
  }

  emit(kind, ...args) {
    for (const listener of [...this.listeners]) {
      try {
        listener[kind]?.(...args);
      } catch (error) {
        console.warn('An inbox listener failed', error); // one consumer must not starve the others
      }
    }
  }

  close() {
    this.closed = true;
    clearTimeout(this.countTimer);
    if (this.stopStream) this.stopStream();
    this.stopStream = null;
    this.listeners.clear();
    if (current === this) current = null;
  }
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}
