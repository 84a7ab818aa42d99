// Notifications: the list (status first, as operators scan it) and one notification's detail with
// its counters and per-recipient deliveries. Both refresh themselves while something is in flight.

import { ApiError, seg } from './api.js';
import { button, dateTime, el, empty, pageHeader, replace, stateBadge, table, toast } from './dom.js';
import { openSendPane } from './send.js';

const STATES = ['SCHEDULED', 'QUEUED', 'PROCESSING', 'COMPLETED', 'PARTIALLY_FAILED', 'FAILED', 'CANCELLED'];
const SCOPES = { USR: 'Users', SLN: 'Solution', SLN_GRP: 'Solution groups', ORG: 'Organization' };
const IN_FLIGHT = ['QUEUED', 'PROCESSING'];
const CANCELLABLE = ['SCHEDULED', 'QUEUED'];
const PAGE_SIZE = 25;

/** How often a page refreshes: quickly while deliveries run, slowly while one waits for its time. */
function refreshDelay(notifications) {
  if (notifications.some((n) => IN_FLIGHT.includes(n.state))) return 2000;
  if (notifications.some((n) => n.state === 'SCHEDULED')) return 15000;
  return null;
}

/** Solution names by id, for showing audiences; empty for a token that may not list solutions. */
async function solutionNames(ctx) {
  if (ctx.me.role !== 'ADMIN') return new Map();
  try {
    return new Map((await ctx.org.all('solutions')).map((s) => [s.id, s.name]));
  } catch {
    return new Map();
  }
}

/** Who a notification is for, in words. */
function audience(n, solutions) {
  const solution = n.solutionId ? solutions.get(n.solutionId) || n.solutionId : '';
  switch (n.scope) {
    case 'USR': {
      const emails = n.emails || [];
      const shown = emails.slice(0, 2).join(', ');
      return `Users: ${shown}${emails.length > 2 ? ` +${emails.length - 2}` : ''}`;
    }
    case 'SLN':
      return `Solution: ${solution}`;
    case 'SLN_GRP':
      return `Groups ${(n.groups || []).join(', ')} of ${solution}`;
    default:
      return 'Organization';
  }
}

function count(value) {
  return value === undefined || value === null ? '—' : String(value);
}

export function notificationsView(main, ctx) {
  const filters = { state: '', scope: '' };
  const cursors = [null];
  let pageIndex = 0;
  let timer = null;
  let stopped = false;
  let solutions = new Map();

  const stateSelect = el(
    'select',
    { id: 'filter-state', name: 'state' },
    el('option', { value: '' }, 'All states'),
    STATES.map((s) => el('option', { value: s }, s.toLowerCase().replace(/_/g, ' '))),
  );
  const scopeSelect = el(
    'select',
    { id: 'filter-scope', name: 'scope' },
    el('option', { value: '' }, 'All audiences'),
    Object.entries(SCOPES).map(([v, label]) => el('option', { value: v }, label)),
  );
  const results = el('div', { id: 'notification-list', 'aria-live': 'off' });
  const previous = button('Previous', () => turn(-1), { id: 'page-previous' });
  const next = button('Next', () => turn(1), { id: 'page-next' });

  for (const [select, key] of [
    [stateSelect, 'state'],
    [scopeSelect, 'scope'],
  ]) {
    select.addEventListener('change', () => {
      filters[key] = select.value;
      cursors.length = 1;
      pageIndex = 0;
      load();
    });
  }

  replace(
    main,
    pageHeader(
      'Notifications',
      el(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'open-send',
          onclick: () => openSendPane(ctx, { onSent: () => load() }),
        },
        'Send notification',
      ),
    ),
    el(
      'div',
      { class: 'filters', role: 'search', 'aria-label': 'Filter notifications' },
      el('div', { class: 'field' }, el('label', { for: 'filter-state' }, 'State'), stateSelect),
      el('div', { class: 'field' }, el('label', { for: 'filter-scope' }, 'Audience'), scopeSelect),
    ),
    results,
    el('div', { class: 'pager' }, previous, next),
  );

  function turn(step) {
    pageIndex = Math.max(0, pageIndex + step);
    return load();
  }

  async function load() {
    clearTimeout(timer);
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (filters.state) query.set('state', filters.state);
    if (filters.scope) query.set('scope', filters.scope);
    if (cursors[pageIndex]) query.set('cursor', cursors[pageIndex]);
    let page;
    try {
      page = await ctx.org.get(`notifications?${query}`);
    } catch (error) {
      if (!stopped) replace(results, el('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    if (stopped) return;
    cursors[pageIndex + 1] = page.nextCursor;
    previous.disabled = pageIndex === 0;
    next.disabled = !page.nextCursor;
    render(page.items);
    const delay = refreshDelay(page.items);
    if (delay) timer = setTimeout(load, delay);
  }

  function render(items) {
    if (!items.length) {
      replace(
        results,
        empty(
          filters.state || filters.scope
            ? 'No notifications match these filters.'
            : 'No notifications yet. Send one with "Send notification".',
        ),
      );
      return;
    }
    // Keep the keyboard where it was: a refresh re-renders the rows the user may be tabbing through.
    const focusedId =
      document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.notificationId : null;
    const rows = items.map((n) =>
      el(
        'tr',
        { 'data-id': n.notificationId },
        el('td', { 'data-label': 'Status' }, stateBadge(n.state)),
        el(
          'td',
          { 'data-label': 'Title' },
          el(
            'a',
            {
              href: `#/notifications/${n.notificationId}`,
              class: 'title-link',
              'data-notification-id': n.notificationId,
            },
            n.content.title,
          ),
        ),
        el('td', { 'data-label': 'Audience' }, audience(n, solutions)),
        el('td', { class: 'nowrap', 'data-label': 'Created' }, dateTime(n.createdAt)),
        el('td', { class: 'numeric', 'data-label': 'Delivered' }, count(n.counters && n.counters.delivered)),
        el('td', { class: 'numeric', 'data-label': 'Failed' }, count(n.counters && n.counters.failed)),
        el('td', { class: 'numeric', 'data-label': 'Pending' }, count(n.counters && n.counters.pending)),
      ),
    );
    const list = table(
      'Notifications, newest first',
      ['Status', 'Title', 'Audience', 'Created', 'Delivered', 'Failed', 'Pending'],
      rows,
    );
    list.classList.add('stacking');
    list.querySelectorAll('th').forEach((th, i) => {
      if (i >= 4) th.classList.add('numeric');
    });
    replace(results, list);
    if (focusedId) {
      const again = results.querySelector(`[data-notification-id="${focusedId}"]`);
      if (again) again.focus();
    }
  }

  solutionNames(ctx).then((names) => {
    solutions = names;
    load();
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

export function notificationView(main, ctx, id) {
  let timer = null;
  let stopped = false;
  let solutions = new Map();
  const body = el('div', { id: 'notification-detail' });
  replace(main, el('p', {}, el('a', { href: '#/notifications' }, '← Notifications')), body);

  async function load() {
    clearTimeout(timer);
    let n;
    let deliveries;
    try {
      n = await ctx.org.get(`notifications/${seg(id)}`);
      deliveries = await ctx.org.all(`notifications/${seg(id)}/deliveries`, 1000);
    } catch (error) {
      if (!stopped)
        replace(
          body,
          el(
            'p',
            { class: 'form-error', role: 'alert' },
            error instanceof ApiError && error.status === 404 ? 'There is no such notification.' : error.message,
          ),
        );
      return;
    }
    if (stopped) return;
    render(n, deliveries);
    const delay = refreshDelay([n]);
    if (delay) timer = setTimeout(load, delay);
  }

  function render(n, deliveries) {
    const cancel = CANCELLABLE.includes(n.state)
      ? button(
          n.state === 'SCHEDULED' ? 'Cancel scheduled notification' : 'Cancel notification',
          async () => {
            try {
              await ctx.org.delete(`notifications/${seg(n.notificationId)}`);
              toast('Notification cancelled');
            } catch (error) {
              toast(error.message, 'error');
            }
            await load();
          },
          { class: 'danger', id: 'cancel-notification' },
        )
      : null;
    const inputs = Object.entries(n.content.inputs || {});
    replace(
      body,
      el(
        'div',
        { class: 'page-header' },
        el('h1', { tabindex: '-1' }, n.content.title),
        el('div', { class: 'actions' }, el('span', { id: 'notification-state' }, stateBadge(n.state)), cancel),
      ),
      el(
        'div',
        { class: 'grid-2' },
        el(
          'section',
          { class: 'card', 'aria-labelledby': 'content-heading' },
          el('h2', { id: 'content-heading' }, 'Content'),
          el('p', { class: 'notification-text' }, n.content.text),
          el(
            'dl',
            { class: 'facts' },
            el('dt', {}, 'Target jig'),
            el('dd', { id: 'target-jig' }, n.content.jigId || 'None'),
            el('dt', {}, 'Inputs'),
            el(
              'dd',
              { id: 'target-inputs' },
              inputs.length
                ? el(
                    'dl',
                    { class: 'facts' },
                    inputs.map(([k, v]) => [
                      el('dt', {}, k),
                      el('dd', {}, typeof v === 'string' ? v : JSON.stringify(v)),
                    ]),
                  )
                : 'None',
            ),
          ),
        ),
        el(
          'section',
          { class: 'card', 'aria-labelledby': 'sending-heading' },
          el('h2', { id: 'sending-heading' }, 'Sending'),
          el(
            'dl',
            { class: 'facts' },
            el('dt', {}, 'Audience'),
            el('dd', {}, audience(n, solutions)),
            el('dt', {}, n.state === 'SCHEDULED' ? 'Scheduled for' : 'Start'),
            el('dd', { id: 'start-at' }, dateTime(n.startAt)),
            el('dt', {}, 'Channels'),
            el('dd', {}, (n.channels || []).join(', ') || '—'),
            el('dt', {}, 'Created'),
            el('dd', {}, dateTime(n.createdAt)),
            el('dt', {}, 'Sent via'),
            el('dd', {}, n.sentVia || '—'),
            n.error ? [el('dt', {}, 'Error'), el('dd', {}, n.error)] : null,
          ),
        ),
      ),
      counters(n.counters),
      el('h2', { id: 'deliveries-heading' }, 'Deliveries'),
      deliveries.length
        ? table(
            'Deliveries per recipient and channel',
            ['Recipient', 'Channel', 'State', 'Attempts', 'Last error', 'Updated'],
            [...deliveries]
              .sort((a, b) => String(a.email).localeCompare(String(b.email)) || a.channel.localeCompare(b.channel))
              .map((d) =>
                el(
                  'tr',
                  { class: 'delivery' },
                  el('td', {}, d.email || '(member removed)'),
                  el('td', {}, d.platform ? `${d.channel} (${d.platform})` : d.channel),
                  el('td', {}, stateBadge(d.state)),
                  el('td', { class: 'numeric' }, String(d.attempts)),
                  el('td', {}, d.lastError || ''),
                  el('td', {}, dateTime(d.updatedAt)),
                ),
              ),
          )
        : empty(
            n.state === 'SCHEDULED' || n.state === 'QUEUED'
              ? 'Deliveries are created when the notification is sent.'
              : 'No deliveries.',
          ),
    );
  }

  function counters(c) {
    if (!c) return null;
    const channels = Object.entries(c.byChannel || {});
    return el(
      'section',
      { 'aria-labelledby': 'counters-heading' },
      el('h2', { id: 'counters-heading' }, 'Counters'),
      table(
        'Deliveries by channel',
        ['Channel', 'Delivered', 'Failed', 'Pending'],
        [
          ...channels.map(([channel, n]) =>
            el(
              'tr',
              {},
              el('td', {}, channel),
              el('td', { class: 'numeric' }, String(n.delivered)),
              el('td', { class: 'numeric' }, String(n.failed)),
              el('td', { class: 'numeric' }, String(n.pending)),
            ),
          ),
          el(
            'tr',
            { class: 'total' },
            el('th', { scope: 'row' }, `All (${count(c.recipients)} recipients)`),
            el('td', { class: 'numeric', id: 'total-delivered' }, String(c.delivered)),
            el('td', { class: 'numeric' }, String(c.failed)),
            el('td', { class: 'numeric' }, String(c.pending)),
          ),
        ],
      ),
    );
  }

  solutionNames(ctx).then((names) => {
    solutions = names;
    load();
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
