// The "Send notification" side pane: content with a live preview, the audience (users, a solution,
// groups of a solution, the organization), an optional target jig with inputs, an optional
// schedule and the channels. The API checks everything; its field errors appear beside the field.

import { ApiError, seg } from './api.js';
import { clearErrors, el, field, replace, showErrors, toast } from './dom.js';
import { memberPicker } from './member-picker.js';

const CHANNELS = [
  ['push', 'OS push'],
  ['inapp', 'In-app'],
  ['email', 'E-mail'],
];
const AUDIENCES = [
  ['USR', 'Users'],
  ['SLN', 'Solution'],
  ['SLN_GRP', 'Solution groups'],
  ['ORG', 'Organization'],
];

/** Opens the pane; `onSent(notification)` runs after the API accepted one. */
export function openSendPane(ctx, { onSent = () => {} } = {}) {
  const opener = document.activeElement;
  const host = document.getElementById('pane-host');
  const state = { scope: 'USR', members: new Map() };

  const title = el('input', { name: 'title', maxlength: 500, autocomplete: 'off', required: true });
  const text = el('textarea', { name: 'text', maxlength: 4000, required: true, rows: 4 });
  const summary = el('p', { class: 'form-error', role: 'alert', id: 'send-error' });

  const audience = audienceSection(ctx, state);
  const jig = jigSection();
  const schedule = scheduleSection();
  const channels = channelsSection();
  const preview = previewSection(ctx, title, text);

  const tabs = tabbed([
    [
      'Message',
      [
        field('Title', title),
        field('Content', text, 'Emoji welcome 🎉'),
        preview,
        audience.element,
        schedule.element,
        channels.element,
      ],
    ],
    ['Target a specific jig (optional)', [jig.element]],
  ]);

  const form = el(
    'form',
    { class: 'pane-form', novalidate: true },
    el(
      'div',
      { class: 'pane-header' },
      el('h2', { id: 'send-title' }, 'Send notification'),
      el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close', onclick: close }, '✕'),
    ),
    el('div', { class: 'pane-body' }, tabs.element),
    el(
      'div',
      { class: 'pane-footer' },
      summary,
      el('button', { type: 'button', onclick: close }, 'Cancel'),
      el('button', { type: 'submit', class: 'primary', id: 'send-submit' }, 'Send'),
    ),
  );
  // A modal <dialog>: the browser keeps focus inside, makes the page behind inert, and closes it
  // on Escape; focus then goes back to what opened it.
  const pane = el('dialog', { class: 'pane', id: 'send-pane', 'aria-labelledby': 'send-title' }, form);
  pane.addEventListener('close', () => {
    pane.remove();
    if (opener && opener.isConnected && opener.focus) opener.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = {
      content: { title: title.value, text: text.value, ...jig.value() },
      ...audience.value(),
      channels: channels.value(),
    };
    const startAt = schedule.value();
    if (startAt === undefined) {
      showErrors(
        form,
        { message: 'Choose when to send it', errors: [{ field: 'startAt', message: 'is not a date and time' }] },
        summary,
      );
      return;
    }
    if (startAt) body.startAt = startAt;
    const submit = form.querySelector('#send-submit');
    submit.disabled = true;
    try {
      const sent = await ctx.org.post('notifications', body);
      toast(sent.state === 'SCHEDULED' ? 'Notification scheduled' : 'Notification queued');
      close();
      onSent(sent);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, error, summary);
      // A field on the other tab: show that tab so the message is seen.
      const invalid = form.querySelector('[aria-invalid="true"]');
      if (invalid) tabs.showTabOf(invalid);
    } finally {
      submit.disabled = false;
    }
  });

  host.replaceChildren(pane);
  pane.showModal();
  title.focus();

  function close() {
    if (pane.open) pane.close();
  }
}

/** Tabs over sections of the form; every section stays in the form so all fields are sent. */
function tabbed(sections) {
  const list = el('div', { class: 'tabs', role: 'tablist' });
  const panels = [];
  const buttons = sections.map(([label, content], i) => {
    const panel = el(
      'div',
      { role: 'tabpanel', id: `send-tab-${i}`, 'aria-labelledby': `send-tab-button-${i}`, hidden: i !== 0 },
      content,
    );
    panels.push(panel);
    return el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `send-tab-button-${i}`,
        'aria-controls': `send-tab-${i}`,
        'aria-selected': String(i === 0),
        tabindex: i === 0 ? '0' : '-1',
        onclick: () => show(i),
      },
      label,
    );
  });
  list.append(...buttons);
  list.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(document.activeElement);
    if (current < 0 || !['ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const next = (current + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length;
    show(next);
    buttons[next].focus();
  });
  function show(index) {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
  }
  return {
    element: el('div', {}, list, panels),
    showTabOf(element) {
      const index = panels.findIndex((p) => p.contains(element));
      if (index >= 0) show(index);
    },
  };
}

/** How the push and the in-app item will look, as the user types. */
function previewSection(ctx, title, text) {
  const pushTitle = el('strong', { class: 'preview-title' });
  const pushText = el('span', { class: 'preview-text' });
  const inappTitle = el('strong', { class: 'preview-title' });
  const inappText = el('span', { class: 'preview-text' });
  const update = () => {
    const t = title.value || 'Title';
    const body = text.value || 'Content';
    pushTitle.textContent = t;
    inappTitle.textContent = t;
    // Phones cut a push's text at about two lines; the inbox shows it whole.
    pushText.textContent = body.length > 110 ? `${body.slice(0, 110)}…` : body;
    inappText.textContent = body;
  };
  title.addEventListener('input', update);
  text.addEventListener('input', update);
  update();
  return el(
    'div',
    { class: 'previews', 'aria-label': 'Preview' },
    el(
      'div',
      { class: 'preview preview-push', id: 'preview-push' },
      el('span', { class: 'preview-app' }, ctx.me.organizationName, el('span', {}, ' · now')),
      pushTitle,
      pushText,
    ),
    el(
      'div',
      { class: 'preview preview-inapp', id: 'preview-inapp' },
      el('span', { class: 'preview-app' }, 'In-app'),
      inappTitle,
      inappText,
    ),
  );
}

/** Who it goes to. Each choice shows its own inputs; `value()` gives the request's fields. */
function audienceSection(ctx, state) {
  const choices = el(
    'div',
    { class: 'choices', 'data-field': 'scope', id: 'scope' },
    AUDIENCES.map(([value, label]) =>
      el(
        'label',
        {},
        el('input', {
          type: 'radio',
          name: 'scope',
          value,
          checked: value === state.scope,
          onchange: () => choose(value),
        }),
        label,
      ),
    ),
  );
  const users = usersChoice(ctx, state);
  const solution = solutionChoice(ctx, false);
  const groups = solutionChoice(ctx, true);
  const organization = el('p', { class: 'hint', id: 'organization-reach' }, 'Everyone in the organization.');
  const panels = { USR: users.element, SLN: solution.element, SLN_GRP: groups.element, ORG: organization };
  const error = el('p', { class: 'field-error', id: 'scope-error' });

  ctx.org
    .get('members/count')
    .then(({ count }) => {
      organization.textContent = `Everyone in the organization: ${count} ${count === 1 ? 'member' : 'members'}.`;
    })
    .catch(() => {});

  function choose(value) {
    state.scope = value;
    Object.entries(panels).forEach(([scope, panel]) => {
      panel.hidden = scope !== value;
    });
  }
  choose(state.scope);

  return {
    element: el('fieldset', {}, el('legend', {}, 'Audience'), choices, error, Object.values(panels)),
    value() {
      switch (state.scope) {
        case 'USR':
          return { scope: 'USR', emails: users.value() };
        case 'SLN':
          return { scope: 'SLN', solutionId: solution.value().solutionId };
        case 'SLN_GRP':
          return { scope: 'SLN_GRP', ...groups.value() };
        default:
          return { scope: 'ORG' };
      }
    },
  };
}

/**
 * Users: pick members one at a time with the shared picker; each becomes a removable chip. Only an
 * ADMIN may search members, so a SENDER types the e-mails instead.
 */
function usersChoice(ctx, state) {
  if (ctx.me.role !== 'ADMIN') {
    const emails = el('input', {
      name: 'emails',
      autocomplete: 'off',
      placeholder: 'ann@example.com, bob@example.com',
    });
    return {
      element: field('Users', emails, 'E-mails of members, separated by commas.'),
      value: () =>
        emails.value
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean),
    };
  }
  const chosen = el('ul', { class: 'chips', id: 'chosen-users', 'aria-label': 'Chosen users' });
  const picker = memberPicker(ctx, {
    label: 'Users',
    name: 'user-search',
    field: 'emails',
    hint: 'Pick one or more members.',
    exclude: (m) => state.members.has(m.email),
    onPick: (member) => {
      state.members.set(member.email, member);
      render();
    },
  });

  function render() {
    replace(
      chosen,
      [...state.members.values()].map((m) =>
        el(
          'li',
          { class: 'chip' },
          m.name || m.email,
          el(
            'button',
            { type: 'button', class: 'icon-button', 'aria-label': `Remove ${m.email}`, onclick: () => remove(m) },
            '✕',
          ),
        ),
      ),
    );
  }

  function remove(member) {
    state.members.delete(member.email);
    render();
    picker.input.focus();
  }

  return { element: el('div', {}, picker.element, chosen), value: () => [...state.members.keys()] };
}

/** A solution dropdown and, for groups, the solution's groups to tick. */
function solutionChoice(ctx, withGroups) {
  const prefix = withGroups ? 'group-solution' : 'solution';
  const select = el(
    'select',
    { id: prefix, 'data-field': 'solutionId' },
    el('option', { value: '' }, 'Choose a solution'),
  );
  const groupList = el('div', { class: 'choices', id: 'group-choices', 'data-field': 'groups' });
  const groupError = el('p', { class: 'field-error', id: 'group-choices-error' });

  ctx.org
    .all('solutions')
    .then((solutions) => {
      select.append(...solutions.map((s) => el('option', { value: s.id }, s.name)));
    })
    .catch((error) => {
      select.replaceChildren(
        el('option', { value: '' }, error.status === 403 ? 'Only an ADMIN token may list solutions' : error.message),
      );
    });

  if (withGroups) {
    select.addEventListener('change', async () => {
      if (!select.value) {
        groupList.replaceChildren();
        return;
      }
      replace(groupList, el('span', { class: 'hint' }, 'Loading groups…'));
      try {
        const groups = await ctx.org.all(`solutions/${seg(select.value)}/groups`);
        replace(
          groupList,
          groups.length
            ? groups.map((g) =>
                el('label', {}, el('input', { type: 'checkbox', name: 'group', value: g.name }), g.name),
              )
            : el('p', { class: 'hint', id: 'no-groups' }, 'This solution has no groups.'),
        );
      } catch (error) {
        replace(groupList, el('p', { class: 'field-error' }, error.message));
      }
    });
  }

  const element = withGroups
    ? el('div', {}, field('Solution', select), el('fieldset', {}, el('legend', {}, 'Groups'), groupList, groupError))
    : el('div', {}, field('Solution', select));
  return {
    element,
    value: () => ({
      solutionId: select.value || null,
      ...(withGroups ? { groups: [...groupList.querySelectorAll('input:checked')].map((c) => c.value) } : {}),
    }),
  };
}

/** The jig that opens when the notification is tapped, and its inputs as key/value rows. */
function jigSection() {
  const jigId = el('input', {
    name: 'jigId',
    id: 'jig-id',
    autocomplete: 'off',
    placeholder: 'e.g. view-promotion-details',
  });
  const rows = el('div', { class: 'input-rows', id: 'input-rows' });
  const inputsError = el('p', { class: 'field-error', id: 'input-rows-error', 'data-field': 'inputs' });

  function addRow(key = '', value = '') {
    const index = rows.children.length + 1;
    const row = el(
      'div',
      { class: 'inline input-row' },
      el('input', { class: 'input-key', 'aria-label': `Input ${index} key`, value: key, placeholder: 'key' }),
      el('input', { class: 'input-value', 'aria-label': `Input ${index} value`, value: value, placeholder: 'value' }),
      el(
        'button',
        { type: 'button', class: 'icon-button', 'aria-label': `Remove input ${index}`, onclick: () => row.remove() },
        '✕',
      ),
    );
    rows.append(row);
    row.querySelector('.input-key').focus();
  }

  return {
    element: el(
      'div',
      {},
      field('Jig id', jigId, 'The jig the app opens when the notification is tapped.'),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Inputs'),
        rows,
        inputsError,
        el('button', { type: 'button', id: 'add-input', onclick: () => addRow() }, '+ Add input'),
      ),
    ),
    value() {
      const inputs = {};
      rows.querySelectorAll('.input-row').forEach((row) => {
        const key = row.querySelector('.input-key').value.trim();
        if (key) inputs[key] = row.querySelector('.input-value').value;
      });
      return jigId.value.trim() ? { jigId: jigId.value.trim(), inputs } : { inputs };
    },
  };
}

/** Now, or at a time in the browser's time zone, sent as UTC. */
function scheduleSection() {
  const later = el('input', { type: 'checkbox', id: 'send-later' });
  const at = el('input', { type: 'datetime-local', name: 'startAt', id: 'start-at-input', step: 60 });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = el('div', { hidden: true }, field('Start at', at, `In your time zone (${zone}); sent as UTC.`));
  later.addEventListener('change', () => {
    when.hidden = !later.checked;
    if (later.checked) at.focus();
  });
  return {
    element: el(
      'fieldset',
      {},
      el('legend', {}, 'Schedule'),
      el('label', { class: 'choices' }, later, 'Send later'),
      when,
    ),
    /** null for now, the UTC time, or undefined when "later" has no valid time. */
    value() {
      if (!later.checked) return null;
      if (!at.value) return undefined;
      const local = new Date(at.value);
      return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
    },
  };
}

function channelsSection() {
  const boxes = CHANNELS.map(([value, label]) =>
    el('label', {}, el('input', { type: 'checkbox', name: 'channel', value, checked: value !== 'email' }), label),
  );
  return {
    element: el(
      'fieldset',
      {},
      el('legend', {}, 'Channels'),
      el('div', { class: 'choices', id: 'channels', 'data-field': 'channels' }, boxes),
      el('p', { class: 'field-error', id: 'channels-error' }),
    ),
    value: () =>
      boxes
        .map((b) => b.querySelector('input'))
        .filter((i) => i.checked)
        .map((i) => i.value),
  };
}
