// Members: the searchable, paged list with add, edit and remove; the CSV import; and one member's
// page with their devices. Everything goes through GET/POST/PATCH/DELETE …/members.

import { ApiError, seg } from './api.js';
import {
  button,
  clearErrors,
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
import { confirmDialog, formDialog } from './dialog.js';
import { membersFromCsv } from './csv.js';

const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 300;
/** The most members one bulk request may add (the API's limit). */
const MAX_IMPORT = 10000;

export function membersView(main, ctx) {
  const list = memberList(ctx);
  const add = addMemberCard(ctx, () => list.reload());
  const importer = importCard(ctx, () => list.reload());
  replace(
    main,
    pageHeader(
      'Members',
      toggleButton('Add member', add, 'toggle-add-member'),
      toggleButton('Import CSV', importer, 'toggle-import'),
    ),
    add,
    importer,
    list.element,
  );
  list.reload();
  return list.stop;
}

/** A button that shows and hides a card, saying so to screen readers, and focuses its first input. */
function toggleButton(label, card, id) {
  card.hidden = true;
  const b = el('button', { type: 'button', id, 'aria-expanded': 'false', 'aria-controls': card.id }, label);
  b.addEventListener('click', () => {
    card.hidden = !card.hidden;
    b.setAttribute('aria-expanded', String(!card.hidden));
    if (!card.hidden) card.querySelector('input, textarea').focus();
  });
  return b;
}

// ---- The list: search, table, paging ----

function memberList(ctx) {
  const search = el('input', {
    type: 'search',
    name: 'q',
    id: 'member-search',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const results = el('div', { id: 'member-results' });
  const status = el('p', { class: 'list-status', 'aria-live': 'polite', id: 'member-status' });
  const previous = el('button', { type: 'button', id: 'members-previous' }, 'Previous');
  const next = el('button', { type: 'button', id: 'members-next' }, 'Next');
  const element = el(
    'section',
    { 'aria-labelledby': 'members-list-heading' },
    el('h2', { id: 'members-list-heading', class: 'visually-hidden' }, 'All members'),
    el('div', { class: 'filters member-filters' }, field('Search by e-mail, name or external id', search)),
    status,
    results,
    el('div', { class: 'pager' }, previous, next),
  );
  // The cursors of the pages before the current one, to go back: the API only pages forwards.
  let cursors = [];
  let cursor = null;
  let nextCursor = null;
  let sequence = 0;
  let timer = null;

  async function load() {
    const mine = ++sequence;
    const q = search.value.trim();
    let page;
    try {
      page = await ctx.org.get(
        `members?limit=${PAGE_SIZE}${q ? `&q=${encodeURIComponent(q)}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
    } catch (error) {
      if (mine === sequence) status.textContent = error.message;
      return;
    }
    if (mine !== sequence) return; // the user typed again meanwhile: a newer answer is coming
    nextCursor = page.nextCursor;
    previous.hidden = cursors.length === 0;
    next.hidden = !nextCursor;
    const first = cursors.length * PAGE_SIZE + 1;
    const shown = page.items.length;
    status.textContent = shown
      ? `${q ? 'Found' : 'Showing'} ${shown === 1 && first === 1 && !nextCursor ? '1 member' : `members ${first}–${first + shown - 1}`}${q ? ` for “${q}”` : ''}`
      : '';
    replace(
      results,
      shown
        ? membersTable(ctx, page.items, load)
        : empty(q ? `No member matches “${q}”.` : 'No members yet. Add one, or import a CSV file.'),
    );
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      cursors = [];
      cursor = null;
      load();
    }, SEARCH_DEBOUNCE_MS);
  });
  next.addEventListener('click', () => {
    cursors.push(cursor);
    cursor = nextCursor;
    load();
  });
  previous.addEventListener('click', () => {
    cursor = cursors.pop() || null;
    load();
  });

  return {
    element,
    reload: () => load(),
    stop: () => clearTimeout(timer),
  };
}

function membersTable(ctx, members, reload) {
  const wrap = table(
    'Members',
    ['E-mail', 'Name', 'External id', 'Created', 'Actions'],
    members.map((m) =>
      el(
        'tr',
        { 'data-member-id': m.id, 'data-email': m.email },
        el('td', {}, el('a', { href: `#/members/${seg(m.id)}`, class: 'member-link' }, m.email)),
        el('td', {}, m.name || '—'),
        el('td', {}, m.externalId || '—'),
        el('td', {}, dateTime(m.createdAt)),
        el(
          'td',
          {},
          el(
            'div',
            { class: 'actions' },
            el(
              'button',
              {
                type: 'button',
                class: 'icon-button',
                'data-action': 'edit',
                'aria-label': `Edit ${m.email}`,
                onclick: () => editMember(ctx, m, reload),
              },
              'Edit',
            ),
            el(
              'button',
              {
                type: 'button',
                class: 'icon-button danger',
                'data-action': 'remove',
                'aria-label': `Remove ${m.email}`,
                onclick: () => removeMember(ctx, m, reload),
              },
              'Remove',
            ),
          ),
        ),
      ),
    ),
  );
  wrap.classList.add('members-table');
  return wrap;
}

// ---- Add, edit, remove ----

/** The inputs of a member; `member` fills them for editing. */
function memberFields(member = {}) {
  return [
    field(
      'E-mail',
      el('input', {
        type: 'email',
        name: 'email',
        autocomplete: 'off',
        spellcheck: 'false',
        required: true,
        value: member.email || null,
      }),
    ),
    field(
      'Name',
      el('input', { type: 'text', name: 'name', autocomplete: 'off', value: member.name || null }),
      'Optional',
    ),
    field(
      'External id',
      el('input', {
        type: 'text',
        name: 'externalId',
        autocomplete: 'off',
        spellcheck: 'false',
        value: member.externalId || null,
      }),
      'Optional: the member’s id in your own systems',
    ),
  ];
}

function valuesOf(form) {
  return {
    email: form.elements.email.value.trim(),
    name: form.elements.name.value.trim(),
    externalId: form.elements.externalId.value.trim(),
  };
}

function addMemberCard(ctx, added) {
  const summary = el('p', { class: 'form-error', role: 'alert' });
  // novalidate: the API judges the e-mail, and its message appears beside the field.
  const form = el(
    'form',
    { id: 'add-member-form', novalidate: true },
    el('div', { class: 'member-fields' }, memberFields()),
    summary,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Add member')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type=submit]');
    if (submit.disabled) return;
    clearErrors(form);
    const { email, name, externalId } = valuesOf(form);
    submit.disabled = true;
    try {
      const member = await ctx.org.post('members', {
        email,
        name: name || undefined,
        externalId: externalId || undefined,
      });
      toast(`Added ${member.email}`);
      form.reset();
      form.elements.email.focus();
      added(member);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, error, summary);
    } finally {
      submit.disabled = false;
    }
  });
  return el(
    'section',
    { class: 'card admin-card', id: 'add-member', 'aria-labelledby': 'add-member-heading' },
    el('h2', { id: 'add-member-heading' }, 'Add a member'),
    form,
  );
}

function editMember(ctx, member, saved) {
  formDialog(`Edit ${member.email}`, memberFields(member), 'Save', async (form) => {
    // Empty name or external id clear them (the API treats blank as "none").
    const updated = await ctx.org.patch(`members/${seg(member.id)}`, valuesOf(form));
    toast(`Saved ${updated.email}`);
    saved(updated);
  });
}

function removeMember(ctx, member, removed) {
  confirmDialog(
    `Remove ${member.email}?`,
    'The member’s devices, tokens, solution and group memberships and inbox are removed with them. This cannot be undone.',
    'Remove member',
    async () => {
      await ctx.org.delete(`members/${seg(member.id)}`);
      toast(`Removed ${member.email}`);
      removed();
    },
  );
}

// ---- CSV import ----

function importCard(ctx, imported) {
  const text = el('textarea', { name: 'csv', id: 'csv-text', rows: '6', spellcheck: 'false', autocomplete: 'off' });
  const file = el('input', { type: 'file', name: 'csv-file', id: 'csv-file', accept: '.csv,text/csv' });
  const preview = el('p', { id: 'csv-preview', class: 'hint', 'aria-live': 'polite' });
  const report = el('div', { id: 'import-report', 'aria-live': 'polite' });
  const importButton = button('Import', () => run(), { class: 'primary', id: 'csv-import' });

  file.addEventListener('change', async () => {
    if (!file.files.length) return;
    text.value = await file.files[0].text();
    update();
  });
  text.addEventListener('input', update);

  function update() {
    const { members, problems, ignored } = membersFromCsv(text.value);
    const parts = [];
    if (members.length) parts.push(members.length === 1 ? '1 member to import' : `${members.length} members to import`);
    if (problems.length)
      parts.push(problems.length === 1 ? '1 row has no e-mail' : `${problems.length} rows have no e-mail`);
    if (ignored.length) parts.push(`columns ignored: ${ignored.join(', ')}`);
    preview.textContent = parts.join('; ');
  }

  async function run() {
    const { members, problems } = membersFromCsv(text.value);
    if (!members.length) {
      replace(
        report,
        el('p', { class: 'form-error' }, 'There is nothing to import: paste CSV lines or choose a file.'),
      );
      return;
    }
    if (members.length > MAX_IMPORT) {
      replace(
        report,
        el(
          'p',
          { class: 'form-error' },
          `At most ${MAX_IMPORT.toLocaleString()} members can be imported at once; this has ${members.length.toLocaleString()}. Split the file.`,
        ),
      );
      return;
    }
    // What the console can already see is wrong is reported without asking the API: it would
    // refuse the whole import anyway.
    if (problems.length) {
      replace(report, importFailure(problems, 'Nothing was imported: fix these rows, then import again.'));
      return;
    }
    try {
      const answer = await ctx.org.post(
        'members/bulk',
        members.map(({ email, name, externalId }) => ({ email, name, externalId })),
      );
      replace(report, importSuccess(answer.items));
      text.value = '';
      file.value = '';
      update();
      imported();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const rows = rowsOfError(error, members);
      replace(
        report,
        rows.length
          ? importFailure(
              rows,
              `Nothing was imported: an import adds every row or none. Fix ${rows.length === 1 ? 'this row' : 'these rows'}, then import again.`,
            )
          : el(
              'div',
              { class: 'import-failed' },
              el('h3', {}, 'Import failed'),
              el('p', { class: 'form-error' }, error.message),
              el('p', {}, 'Nothing was imported.'),
            ),
      );
    }
  }

  return el(
    'section',
    { class: 'card admin-card', id: 'import-members', 'aria-labelledby': 'import-heading' },
    el('h2', { id: 'import-heading' }, 'Import members from CSV'),
    el(
      'p',
      { class: 'hint' },
      'One member a line: e-mail, name, external id. A first line such as “email,name,externalId” (any order) names the columns. Up to 10,000 members; all are added, or none.',
    ),
    field('CSV lines', text),
    field('Or choose a CSV file', file),
    preview,
    el('div', { class: 'actions' }, importButton),
    report,
  );
}

/**
 * The rows an API error is about: a 400 names entries by index ("[3].email", or "email" when only
 * one was sent); a 409 lists the e-mails that are already members.
 */
function rowsOfError(error, members) {
  const rows = new Map();
  const add = (member, message) => {
    const row = rows.get(member) || { line: member.line, email: member.email, message: '' };
    row.message = row.message ? `${row.message}; ${message}` : message;
    rows.set(member, row);
  };
  for (const { field: name, message } of error.errors) {
    const match = /^\[(\d+)\]\.?(.*)$/.exec(name || '');
    const index = match ? Number(match[1]) : members.length === 1 ? 0 : -1;
    const column = match ? match[2] : name;
    if (members[index]) add(members[index], `${columnLabel(column)} ${message}`);
  }
  if (error.status === 409) {
    const existing = new Set(
      error.message
        .replace(/^[^:]*:\s*/, '')
        .split(/,\s*/)
        .map((e) => e.trim().toLowerCase()),
    );
    for (const m of members) if (existing.has(m.email.toLowerCase())) add(m, 'is already a member');
  }
  return [...rows.values()].sort((a, b) => a.line - b.line);
}

function columnLabel(column) {
  return { email: 'e-mail', name: 'name', externalId: 'external id' }[column] || column;
}

function importSuccess(members) {
  return el(
    'div',
    { class: 'import-done', 'data-testid': 'import-success' },
    el('h3', {}, members.length === 1 ? 'Imported 1 member' : `Imported ${members.length} members`),
    table(
      'Imported members',
      ['E-mail', 'Name', 'Result'],
      members.map((m) =>
        el(
          'tr',
          {},
          el('td', {}, m.email),
          el('td', {}, m.name || '—'),
          el('td', {}, el('span', { class: 'badge state-delivered' }, 'added')),
        ),
      ),
    ),
  );
}

function importFailure(rows, message) {
  return el(
    'div',
    { class: 'import-failed', 'data-testid': 'import-failed' },
    el('h3', {}, 'Import refused'),
    el('p', { class: 'form-error' }, message),
    table(
      'Rows to fix',
      ['Line', 'E-mail', 'Problem'],
      rows.map((r) =>
        el(
          'tr',
          { 'data-line': r.line },
          el('td', { class: 'numeric' }, `Line ${r.line}`),
          el('td', {}, r.email || '—'),
          el('td', {}, r.message),
        ),
      ),
    ),
  );
}

// ---- One member ----

export function memberView(main, ctx, id) {
  replace(main, el('p', { class: 'hint', 'aria-live': 'polite' }, 'Loading…'));
  let live = true;
  show();
  return () => {
    live = false;
  };

  async function show() {
    let member;
    let devices;
    try {
      [member, devices] = await Promise.all([
        ctx.org.get(`members/${seg(id)}`),
        ctx.org.get(`members/${seg(id)}/devices`),
      ]);
    } catch (error) {
      if (!live) return;
      replace(
        main,
        el('p', { class: 'crumbs' }, el('a', { href: '#/members' }, '← Members')),
        error.status === 404
          ? empty('This member does not exist (any more).')
          : el('p', { class: 'form-error', role: 'alert' }, error.message),
      );
      return;
    }
    if (!live) return;
    replace(
      main,
      el('p', { class: 'crumbs' }, el('a', { href: '#/members' }, '← Members')),
      pageHeader(
        member.email,
        el(
          'button',
          { type: 'button', id: 'edit-member', onclick: () => editMember(ctx, member, () => show()) },
          'Edit',
        ),
        el(
          'button',
          {
            type: 'button',
            id: 'remove-member',
            class: 'danger',
            onclick: () => removeMember(ctx, member, () => ctx.navigate('#/members')),
          },
          'Remove',
        ),
      ),
      el(
        'section',
        { class: 'card', 'aria-labelledby': 'member-facts' },
        el('h2', { id: 'member-facts', class: 'visually-hidden' }, 'Details'),
        el(
          'dl',
          { class: 'facts', id: 'member-details' },
          el('dt', {}, 'E-mail'),
          el('dd', {}, member.email),
          el('dt', {}, 'Name'),
          el('dd', {}, member.name || '—'),
          el('dt', {}, 'External id'),
          el('dd', {}, member.externalId || '—'),
          el('dt', {}, 'Added'),
          el('dd', {}, dateTime(member.createdAt)),
          el('dt', {}, 'Id'),
          el('dd', {}, el('code', {}, member.id)),
        ),
      ),
      el(
        'section',
        { id: 'member-devices', 'aria-labelledby': 'devices-heading' },
        el('h2', { id: 'devices-heading' }, 'Devices'),
        devices.items.length
          ? table(
              `Devices of ${member.email}`,
              ['Platform', 'Push token ends with', 'State', 'Registered'],
              devices.items.map((d) =>
                el(
                  'tr',
                  { 'data-device-id': d.id },
                  el('td', {}, platformName(d.platform)),
                  el('td', {}, el('code', {}, `…${d.tokenSuffix}`)),
                  el(
                    'td',
                    {},
                    el(
                      'span',
                      { class: `badge ${d.active ? 'state-delivered' : 'state-cancelled'}` },
                      d.active ? 'active' : 'inactive',
                    ),
                  ),
                  el('td', {}, dateTime(d.registeredAt)),
                ),
              ),
            )
          : empty('No devices: the member has not registered a phone with the app yet.'),
      ),
    );
    main.querySelector('h1').focus();
  }
}

function platformName(platform) {
  return { ios: 'iOS', android: 'Android' }[platform] || platform;
}
