// The console's shell: signing in and out, the header, the sections and the router. Each section
// is a module with a view function view(main, ctx, ...params) that fills `main` and may return a
// function that stops what it started (timers, streams) when the page changes.

import { ApiError, call, forgetToken, keepToken, organizationApi, token, url } from './api.js';
import { copy, el, field, replace, toast } from './dom.js';
import { notificationsView, notificationView } from './notifications.js';
import { membersView, memberView } from './members.js';
import { solutionsView, solutionView } from './solutions.js';
import { tokensView } from './tokens.js';
import { inboxView, unreadBadge } from './inbox.js';

const main = document.getElementById('main');

/** The sections, the roles that see them, and their routes (hash paths). */
const SECTIONS = [
  { name: 'Notifications', path: 'notifications', roles: ['ADMIN', 'SENDER'] },
  { name: 'Members', path: 'members', roles: ['ADMIN'] },
  { name: 'Solutions', path: 'solutions', roles: ['ADMIN'] },
  { name: 'Tokens', path: 'tokens', roles: ['ADMIN'] },
  { name: 'Inbox', path: 'inbox', roles: ['ADMIN', 'SENDER', 'MEMBER'] },
];

const ROUTES = {
  notifications: (ctx, id) => (id ? notificationView(main, ctx, id) : notificationsView(main, ctx)),
  members: (ctx, id) => (id ? memberView(main, ctx, id) : membersView(main, ctx)),
  solutions: (ctx, id) => (id ? solutionView(main, ctx, id) : solutionsView(main, ctx)),
  tokens: (ctx) => tokensView(main, ctx),
  inbox: (ctx) => inboxView(main, ctx),
};

let ctx = null;
let stopView = null;
let stopBadge = null;

function signInView(message) {
  document.getElementById('topbar').hidden = true;
  document.getElementById('sections').hidden = true;
  const input = el('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const error = el('p', { class: 'form-error', role: 'alert' }, message || '');
  const form = el(
    'form',
    { class: 'sign-in card', novalidate: true },
    el('h1', {}, 'Sign in to Herald'),
    el('p', {}, 'Paste a personal access token. It is kept only until you close this tab.'),
    field('Access token', input),
    error,
    el('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const secret = input.value;
    if (!secret) {
      error.textContent = 'Enter a token';
      input.focus();
      return;
    }
    try {
      const me = await call('GET', 'v2.0/tool/me', undefined, secret);
      keepToken(secret);
      start(me);
    } catch (e) {
      error.textContent =
        e instanceof ApiError && e.status === 401
          ? 'This token is not valid: it is mistyped, revoked or expired.'
          : e.message;
      input.focus();
    }
  });
  replace(main, form);
  input.focus();
}

function start(me) {
  const org = organizationApi(me.organizationId);
  ctx = { me, org, navigate, refreshBadge: () => {} };
  document.getElementById('organization-name').textContent = me.organizationName;
  const notificationsUrl = url(org.path('notifications'));
  document.getElementById('notifications-url').textContent = notificationsUrl;
  document.getElementById('copy-url').onclick = () => copy(notificationsUrl);
  document.getElementById('account-name').textContent = `${me.name || me.email} · ${me.role.toLowerCase()}`;
  document.getElementById('topbar').hidden = false;
  const nav = document.getElementById('sections');
  const badge = el('span', { class: 'count-badge', id: 'unread-badge', hidden: true });
  replace(
    nav,
    el(
      'ul',
      {},
      SECTIONS.filter((s) => s.roles.includes(me.role)).map((s) =>
        el(
          'li',
          {},
          el('a', { href: `#/${s.path}`, 'data-section': s.path }, s.name, s.path === 'inbox' ? badge : null),
        ),
      ),
    ),
  );
  nav.hidden = false;
  if (stopBadge) stopBadge();
  stopBadge = unreadBadge(ctx, badge);
  route();
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  if (!ctx) return;
  const allowed = SECTIONS.filter((s) => s.roles.includes(ctx.me.role));
  const [section, id] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const current = allowed.find((s) => s.path === section);
  if (!current) {
    location.replace(`#/${allowed[0].path}`);
    return;
  }
  document.querySelectorAll('#sections a').forEach((a) => {
    if (a.dataset.section === current.path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (stopView) stopView();
  stopView = null;
  replace(main);
  document.title = `${current.name} · Herald`;
  try {
    const stop = ROUTES[current.path](ctx, id);
    stopView = typeof stop === 'function' ? stop : null;
  } catch (error) {
    toast(error.message, 'error');
  }
}

function signOut(message) {
  forgetToken();
  if (stopView) stopView();
  if (stopBadge) stopBadge();
  stopView = null;
  stopBadge = null;
  ctx = null;
  document.getElementById('pane-host').replaceChildren();
  history.replaceState(null, '', location.pathname);
  signInView(message);
}

document.getElementById('sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);
window.addEventListener('herald:unauthorized', () => {
  if (ctx) signOut('Your token is no longer valid (revoked or expired): sign in again.');
});

async function boot() {
  if (!token()) {
    signInView();
    return;
  }
  try {
    start(await call('GET', 'v2.0/tool/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetToken();
      signInView('Your token is no longer valid (revoked or expired): sign in again.');
    } else {
      signInView(error.message);
    }
  }
}

boot();
