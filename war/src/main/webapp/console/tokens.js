// Personal access tokens: create one for a member (its secret is shown once, here, with a Copy
// button), list them, revoke them. The API keeps only a hash of each secret, so the console cannot
// show it again either.

import { ApiError, seg, token as currentSecret } from './api.js';
import {
  button,
  clearErrors,
  copy,
  dateTime,
  el,
  empty,
  field,
  pageHeader,
  replace,
  showErrors,
  table,
  toast,
} from './dom.js';
import { confirmDialog } from './dialog.js';
import { memberPicker } from './member-picker.js';

const ROLES = [
  { value: 'MEMBER', label: 'Member: its own devices and inbox' },
  { value: 'SENDER', label: 'Sender: sends and reads notifications' },
  { value: 'ADMIN', label: 'Admin: everything in the organization' },
];

export function tokensView(main, ctx) {
  const list = el('div', { id: 'tokens-list', 'aria-live': 'polite' });
  const secretBox = el('div', { id: 'new-token', 'aria-live': 'polite' });
  // Members' e-mails by id, fetched once each: the token list names members only by id.
  const emails = new Map();
  replace(
    main,
    pageHeader('Tokens'),
    // Above the form, so the new secret is the first thing seen (and its heading takes the focus).
    secretBox,
    createCard(ctx, secretBox, load),
    el('section', { 'aria-labelledby': 'tokens-heading' }, el('h2', { id: 'tokens-heading' }, 'All tokens'), list),
  );
  load();

  async function load() {
    let tokens;
    try {
      tokens = (await ctx.org.get('tokens')).items;
      await Promise.all(
        [...new Set(tokens.map((t) => t.memberId))].filter((id) => !emails.has(id)).map((id) => lookUp(id)),
      );
    } catch (error) {
      replace(list, el('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    // Newest first: the one just created is at the top.
    tokens.reverse();
    replace(
      list,
      tokens.length
        ? table(
            'Tokens',
            ['Name', 'Member', 'Role', 'Prefix', 'Created', 'Expires', 'State', 'Actions'],
            tokens.map((t) => tokenRow(ctx, t, emails.get(t.memberId), load)),
          )
        : empty('No tokens yet.'),
    );
  }

  async function lookUp(memberId) {
    try {
      emails.set(memberId, (await ctx.org.get(`members/${seg(memberId)}`)).email);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      emails.set(memberId, null);
    }
  }
}

function tokenRow(ctx, t, email, revoked) {
  const expired = !t.revokedAt && t.expiresAt && new Date(t.expiresAt) <= new Date();
  const state = t.revokedAt ? `revoked ${dateTime(t.revokedAt)}` : expired ? 'expired' : 'active';
  const badge = t.revokedAt || expired ? 'state-cancelled' : 'state-delivered';
  return el(
    'tr',
    { 'data-token-id': t.id, 'data-prefix': t.prefix },
    el('td', {}, t.name || '—', t.systemAdmin ? el('span', { class: 'badge' }, 'system admin') : null),
    el('td', {}, email ? el('a', { href: `#/members/${seg(t.memberId)}` }, email) : el('code', {}, t.memberId)),
    el('td', {}, el('span', { class: 'badge' }, t.role.toLowerCase())),
    el('td', {}, el('code', {}, `${t.prefix}…`)),
    el('td', {}, dateTime(t.createdAt)),
    el('td', {}, t.expiresAt ? dateTime(t.expiresAt) : 'never'),
    el('td', {}, el('span', { class: `badge ${badge}` }, state)),
    el('td', {}, t.revokedAt ? null : revokeButton(ctx, t, email, revoked)),
  );
}

function revokeButton(ctx, t, email, revoked) {
  // The prefix shows only 4 random characters, so this may (rarely) flag another token too: the
  // warning only says what happens if it is the one in use.
  const mine = (currentSecret() || '').startsWith(t.prefix);
  return el(
    'button',
    {
      type: 'button',
      class: 'icon-button danger',
      'data-action': 'revoke',
      'aria-label': `Revoke ${t.name || t.prefix}`,
      onclick: () =>
        confirmDialog(
          `Revoke ${t.name || `${t.prefix}…`}?`,
          `Whatever uses this token${email ? ` (${email}, ${t.role.toLowerCase()})` : ''} is refused from now on. This cannot be undone.${mine ? ' It looks like the token you signed in with: you will be signed out.' : ''}`,
          'Revoke token',
          async () => {
            await ctx.org.delete(`tokens/${seg(t.id)}`);
            toast('Token revoked');
            await revoked();
          },
        ),
    },
    'Revoke',
  );
}

function createCard(ctx, secretBox, created) {
  const picker = memberPicker(ctx, {
    label: 'Member',
    name: 'token-member',
    field: 'memberId',
    keep: true,
    hint: 'The token acts as this member.',
  });
  const role = el(
    'select',
    { name: 'role' },
    ROLES.map((r) => el('option', { value: r.value }, r.label)),
  );
  const name = el('input', { type: 'text', name: 'name', autocomplete: 'off', placeholder: 'e.g. ERP integration' });
  const expires = el('input', { type: 'datetime-local', name: 'expiresAt' });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'your time zone';
  const summary = el('p', { class: 'form-error', role: 'alert' });
  const form = el(
    'form',
    { id: 'create-token-form', novalidate: true },
    picker.element,
    el('div', { class: 'grid-2' }, field('Role', role), field('Name', name, 'Optional: what the token is for')),
    field('Expires', expires, `Optional, in your time zone (${zone}). Empty: never expires.`),
    summary,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Create token')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type=submit]');
    if (submit.disabled) return;
    clearErrors(form);
    const member = picker.selected();
    if (!member) {
      showErrors(
        form,
        new ApiError(400, {
          message: 'Choose a member',
          errors: [{ field: 'memberId', message: 'Search for a member and choose one' }],
        }),
        summary,
      );
      picker.input.focus();
      return;
    }
    const body = { memberId: member.id, role: role.value };
    if (name.value.trim()) body.name = name.value.trim();
    if (expires.value) {
      // datetime-local has no zone: Date reads it in the browser's, and the API wants UTC.
      const at = new Date(expires.value);
      if (Number.isNaN(at.getTime())) {
        showErrors(
          form,
          new ApiError(400, {
            message: 'Check the expiry',
            errors: [{ field: 'expiresAt', message: 'is not a date and time' }],
          }),
          summary,
        );
        return;
      }
      body.expiresAt = at.toISOString();
    }
    submit.disabled = true;
    try {
      const answer = await ctx.org.post('tokens', body);
      showSecret(secretBox, answer, member);
      form.reset();
      picker.clear();
      await created();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, error, summary);
    } finally {
      submit.disabled = false;
    }
  });
  return el(
    'section',
    { class: 'card admin-card', 'aria-labelledby': 'create-token-heading' },
    el('h2', { id: 'create-token-heading' }, 'Create a token'),
    form,
  );
}

/** The new secret, once: it is in this box and nowhere else, and goes when the box is dismissed. */
function showSecret(box, answer, member) {
  const secret = el('code', { id: 'new-token-secret', class: 'secret-value' }, answer.token);
  const done = button(
    'Done',
    () => {
      replace(box);
      document.querySelector('main h1').focus();
    },
    { id: 'new-token-done' },
  );
  replace(
    box,
    el(
      'section',
      { class: 'card new-token', 'aria-labelledby': 'new-token-heading' },
      el(
        'h2',
        { id: 'new-token-heading', tabindex: '-1' },
        `New ${answer.role.toLowerCase()} token for ${member.email}`,
      ),
      el(
        'p',
        {},
        el('strong', {}, 'Copy it now: it will not be shown again.'),
        ' Herald keeps only a fingerprint of it.',
      ),
      el(
        'div',
        { class: 'secret' },
        secret,
        button('Copy', () => copy(answer.token), { id: 'copy-new-token', class: 'primary' }),
      ),
      el('div', { class: 'actions' }, done),
    ),
  );
  box.querySelector('h2').focus();
}
