// The signed-in caller's own inbox (any role): the list, live from the shared feed, an opened item
// in a dialog, marking read; and the unread badge of the nav. Titles, texts and inputs come from
// whoever may send notifications: they go in as text only (el()).

import { seg } from './api.js';
import { button, dateTime, el, empty, pageHeader, replace, toast } from './dom.js';
import { subscribeInbox } from './inbox-feed.js';

const PAGE_SIZE = 25;
const EXCERPT_LENGTH = 160;

const STATES = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
};

/** The nav's badge: the unread count, hidden at 0. Returns the function that stops it (sign-out). */
export function unreadBadge(ctx, badge) {
  const feed = subscribeInbox(ctx, { count: (count) => showCount(badge, count) });
  // The shell's hook for other views (main.js starts it as a no-op).
  ctx.refreshBadge = feed.refreshCount;
  return () => {
    ctx.refreshBadge = () => {};
    feed.stop();
  };
}

function showCount(badge, count) {
  badge.hidden = count === 0;
  // "Inbox 3 unread" for a screen reader; the number alone on screen.
  replace(badge, count > 99 ? '99+' : String(count), el('span', { class: 'visually-hidden' }, ' unread'));
}

export function inboxView(main, ctx) {
  const rows = new Map(); // item id -> {item, li, button}
  let unreadOnly = false;
  let cursor = null;
  let generation = 0; // answers of a list loaded before the last reload are dropped
  let state = null;
  let detail = null; // the open dialog, if any

  const list = el('ul', { class: 'inbox-list', 'aria-labelledby': 'inbox-list-heading' });
  const emptyLine = empty('');
  const more = button('Load more', loadMore, { hidden: true });
  const announcer = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const stateBadge = el('span', { class: 'badge inbox-state', 'data-state': 'connecting' }, STATES.connecting);
  const pausedLine = el('p', { class: 'inbox-paused', hidden: true });
  const unreadBox = el('input', { type: 'checkbox', id: 'inbox-unread-only' });
  unreadBox.addEventListener('change', () => {
    unreadOnly = unreadBox.checked;
    reload();
  });
  const reconnect = button('Reconnect', () => feed.reconnect(), { hidden: true });

  replace(
    main,
    pageHeader(
      'Inbox',
      stateBadge,
      reconnect,
      button('Mark all read', markAllRead, { class: 'primary', id: 'inbox-mark-all' }),
    ),
    pausedLine,
    el(
      'div',
      { class: 'inbox-toolbar' },
      el('label', { class: 'inbox-filter', for: unreadBox.id }, unreadBox, 'Unread only'),
    ),
    el('h2', { class: 'visually-hidden', id: 'inbox-list-heading' }, 'Notifications, newest first'),
    list,
    emptyLine,
    el('div', { class: 'inbox-more' }, more),
    announcer,
  );

  const feed = subscribeInbox(ctx, { item: arrived, state: showState });
  reload();

  return () => {
    closeDetail();
    feed.stop();
  };

  // The list

  async function reload() {
    const mine = ++generation;
    try {
      const page = await fetchPage(null);
      if (mine !== generation) return;
      rows.clear();
      list.replaceChildren();
      page.items.forEach(insert);
      setCursor(page.nextCursor);
    } catch (error) {
      if (mine === generation) toast(error.message, 'error');
    }
    showEmpty();
  }

  async function loadMore() {
    const mine = generation;
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation) return;
      page.items.forEach(insert);
      setCursor(page.nextCursor);
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  /**
   * The newest page again, merged into what is shown: items the stream cannot have sent (those
   * that arrived between loading the list and the stream opening) and read states changed
   * elsewhere. Called when the stream comes (back) up.
   */
  async function mergeNewest() {
    const mine = generation;
    try {
      const page = await fetchPage(null);
      if (mine !== generation) return;
      for (const item of page.items) {
        if (rows.has(item.id)) {
          if (item.read) showRead(rows.get(item.id));
        } else {
          insert(item);
        }
      }
      // Nothing was shown before (the first load failed): this page is the start of the list.
      if (rows.size === page.items.length) setCursor(page.nextCursor);
      showEmpty();
    } catch {
      // The list stays as it is; the stream and the next action carry on.
    }
  }

  function fetchPage(from) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (unreadOnly) query.set('unread', 'true');
    if (from) query.set('cursor', from);
    return ctx.org.get(`inbox?${query}`);
  }

  function setCursor(next) {
    cursor = next || null;
    more.hidden = !cursor;
  }

  function showEmpty() {
    emptyLine.textContent = unreadOnly ? 'No unread notifications.' : 'No notifications yet.';
    emptyLine.hidden = rows.size > 0;
  }

  /** Puts an item in its place, newest (highest id) first; an id already shown is skipped. */
  function insert(item) {
    if (rows.has(item.id)) return null;
    const row = itemRow(item, () => openDetail(row));
    rows.set(item.id, row);
    const id = BigInt(item.id);
    const after = [...list.children].find((li) => BigInt(li.dataset.id) < id);
    list.insertBefore(row.li, after || null);
    return row;
  }

  // Live

  function arrived(item) {
    if (rows.has(item.id)) return;
    insert(item);
    showEmpty();
    announce(`New notification: ${item.title}`);
  }

  function announce(message) {
    // Emptied first, so that two items with the same title are both announced.
    announcer.textContent = '';
    setTimeout(() => {
      announcer.textContent = message;
    }, 100);
  }

  function showState(next, message) {
    const previous = state;
    state = next;
    stateBadge.dataset.state = next;
    stateBadge.textContent = STATES[next] || next;
    reconnect.hidden = next !== 'paused';
    pausedLine.hidden = next !== 'paused';
    pausedLine.textContent = next === 'paused' ? `${message} Live updates are paused.` : '';
    // Not on subscribing (previous null): reload() is loading the same page then.
    if (next === 'live' && previous !== null && previous !== 'live') mergeNewest();
  }

  // Reading

  /**
   * Opening an item marks it read, as opening a message does in a mail client or a phone's
   * notification centre: that is what people expect, and the API has no "mark unread" that a
   * separate button would need as its counterpart.
   */
  function openDetail(row) {
    closeDetail();
    detail = itemDialog(row.item, () => closeDetail());
    document.getElementById('pane-host').append(detail);
    detail.addEventListener('close', () => {
      detail.remove();
      detail = null;
      if (row.button.isConnected) row.button.focus();
    });
    detail.showModal();
    markRead(row);
  }

  function closeDetail() {
    if (detail && detail.open) detail.close();
  }

  async function markRead(row) {
    if (row.item.read) return;
    showRead(row); // at once; put back if the server refuses
    try {
      await ctx.org.post(`inbox/${seg(row.item.notificationId)}/read`);
    } catch (error) {
      showUnread(row);
      toast(`Could not mark it read: ${error.message}`, 'error');
    }
    feed.refreshCount();
  }

  async function markAllRead() {
    try {
      const { marked } = await ctx.org.post('inbox/read-all');
      rows.forEach(showRead);
      toast(marked === 1 ? '1 notification marked read' : `${marked} notifications marked read`);
      // With "Unread only", what was read stays until the list is loaded again: rows do not
      // vanish under the reader's hand when one item is opened, but after "all" the list is empty.
      if (unreadOnly) reload();
    } catch (error) {
      toast(error.message, 'error');
    }
    feed.refreshCount();
  }
}

/** One item of the list: a button that opens it, with the unread marker, title, excerpt, time. */
function itemRow(item, open) {
  const unread = el('span', { class: 'visually-hidden' }, 'Unread: ');
  const itemButton = el(
    'button',
    { type: 'button', class: 'inbox-item', onclick: open },
    el('span', { class: 'inbox-dot', 'aria-hidden': 'true' }),
    el(
      'span',
      { class: 'inbox-main' },
      el('span', { class: 'inbox-title' }, unread, item.title),
      el('span', { class: 'inbox-excerpt' }, excerpt(item.text)),
    ),
    el('time', { class: 'inbox-time', datetime: item.createdAt }, dateTime(item.createdAt)),
  );
  const li = el('li', { 'data-id': item.id }, itemButton);
  const row = { item, li, button: itemButton, unread };
  if (item.read) showRead(row);
  else showUnread(row);
  return row;
}

function showRead(row) {
  row.item.read = true;
  row.li.classList.remove('unread');
  row.unread.hidden = true;
}

function showUnread(row) {
  row.item.read = false;
  row.li.classList.add('unread');
  row.unread.hidden = false;
}

function excerpt(text) {
  const flat = String(text || '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

/** An opened item: a modal dialog (Escape and the Close button close it). */
function itemDialog(item, close) {
  const dialog = el(
    'dialog',
    { class: 'inbox-detail', 'aria-labelledby': 'inbox-detail-title' },
    el(
      'div',
      { class: 'inbox-detail-inner' },
      el(
        'div',
        { class: 'inbox-detail-header' },
        el('h2', { id: 'inbox-detail-title' }, item.title),
        el('button', { type: 'button', class: 'icon-button', onclick: close }, 'Close'),
      ),
      el('p', { class: 'inbox-detail-time' }, el('time', { datetime: item.createdAt }, dateTime(item.createdAt))),
      el('p', { class: 'inbox-detail-text' }, item.text),
      el('h3', {}, 'Target'),
      target(item),
    ),
  );
  // A click on the backdrop lands on the dialog itself (its content is inside the inner box).
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  return dialog;
}

/** The jig the notification opens and its inputs, as key/value lists. */
function target(item) {
  const inputs = Object.entries(item.inputs || {});
  const facts = el(
    'dl',
    { class: 'facts inbox-target' },
    el('dt', {}, 'Jig'),
    el('dd', {}, item.jigId ? el('code', {}, item.jigId) : 'No target jig'),
    item.screen ? [el('dt', {}, 'Screen'), el('dd', {}, item.screen)] : null,
  );
  const inputList = inputs.length
    ? el(
        'dl',
        { class: 'facts inbox-inputs' },
        inputs.map(([name, value]) => [
          el('dt', {}, name),
          el('dd', {}, typeof value === 'string' ? value : JSON.stringify(value)),
        ]),
      )
    : el('p', { class: 'inbox-none' }, 'No inputs');
  return [facts, el('h3', {}, 'Inputs'), inputList];
}
