// Solutions: the list with create, rename and delete; one solution's page with its assigned
// members and its groups, each group with its own members. Notifications go to a solution (SLN) or
// to some of its groups (SLN_GRP), so this is where an admin decides who gets them.

import { ApiError, seg } from './api.js';
import { clearErrors, dateTime, el, empty, field, pageHeader, replace, showErrors, table, toast } from './dom.js';
import { confirmDialog, formDialog } from './dialog.js';
import { memberPicker } from './member-picker.js';

export function solutionsView(main, ctx) {
  const list = el('div', { id: 'solutions-list', 'aria-live': 'polite' });
  const create = nameForm({
    id: 'create-solution-form',
    label: 'New solution’s name',
    name: 'name',
    submitLabel: 'Create solution',
    submit: (name) => ctx.org.post('solutions', { name }),
    done: (solution) => {
      toast(`Created ${solution.name}`);
      load();
    },
  });
  replace(
    main,
    pageHeader('Solutions'),
    el(
      'section',
      { class: 'card admin-card', 'aria-labelledby': 'create-solution-heading' },
      el('h2', { id: 'create-solution-heading' }, 'Create a solution'),
      create,
    ),
    el(
      'section',
      { 'aria-labelledby': 'solutions-heading' },
      el('h2', { id: 'solutions-heading' }, 'All solutions'),
      list,
    ),
  );

  async function load() {
    let solutions;
    try {
      solutions = await ctx.org.all('solutions');
    } catch (error) {
      replace(list, el('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    replace(
      list,
      solutions.length
        ? table(
            'Solutions',
            ['Name', 'Created', 'Actions'],
            solutions.map((s) =>
              el(
                'tr',
                { 'data-solution-id': s.id },
                el('td', {}, el('a', { href: `#/solutions/${seg(s.id)}`, class: 'solution-link' }, s.name)),
                el('td', {}, dateTime(s.createdAt)),
                el('td', {}, el('div', { class: 'actions' }, renameButton(ctx, s, load), deleteButton(ctx, s, load))),
              ),
            ),
          )
        : empty('No solutions yet. A solution is an app or a team whose members get notifications together.'),
    );
  }
  load();
}

function renameButton(ctx, solution, renamed) {
  return el(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      'data-action': 'rename',
      'aria-label': `Rename ${solution.name}`,
      onclick: () =>
        formDialog(
          `Rename ${solution.name}`,
          [field('Name', el('input', { type: 'text', name: 'name', autocomplete: 'off', value: solution.name }))],
          'Rename',
          async (form) => {
            const updated = await ctx.org.patch(`solutions/${seg(solution.id)}`, {
              name: form.elements.name.value.trim(),
            });
            toast(`Renamed to ${updated.name}`);
            renamed(updated);
          },
        ),
    },
    'Rename',
  );
}

function deleteButton(ctx, solution, deleted) {
  return el(
    'button',
    {
      type: 'button',
      class: 'icon-button danger',
      'data-action': 'delete',
      'aria-label': `Delete ${solution.name}`,
      onclick: () =>
        confirmDialog(
          `Delete ${solution.name}?`,
          'Its groups and member assignments are deleted with it; the members themselves stay. This cannot be undone.',
          'Delete solution',
          async () => {
            await ctx.org.delete(`solutions/${seg(solution.id)}`);
            toast(`Deleted ${solution.name}`);
            deleted();
          },
        ),
    },
    'Delete',
  );
}

/**
 * A one-field form (a name) whose API errors appear beside the field: `submit(name)` calls the
 * API, `done(answer)` follows success.
 */
function nameForm({ id, label, name, submitLabel, submit, done }) {
  const input = el('input', { type: 'text', name, autocomplete: 'off', required: true });
  const summary = el('p', { class: 'form-error', role: 'alert' });
  const form = el(
    'form',
    { id, novalidate: true, class: 'name-form' },
    field(label, input),
    el('button', { type: 'submit', class: 'primary' }, submitLabel),
    summary,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const b = form.querySelector('button[type=submit]');
    if (b.disabled) return;
    clearErrors(form);
    b.disabled = true;
    try {
      const answer = await submit(input.value.trim());
      input.value = '';
      await done(answer);
      input.focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // Errors without a field (e.g. "group names may not contain ','") go below the form.
      if (!showErrors(form, error, summary)) input.setAttribute('aria-invalid', 'true');
    } finally {
      b.disabled = false;
    }
  });
  return form;
}

// ---- One solution ----

export function solutionView(main, ctx, id) {
  const path = `solutions/${seg(id)}`;
  let live = true;
  replace(main, el('p', { class: 'hint', 'aria-live': 'polite' }, 'Loading…'));
  show();
  return () => {
    live = false;
  };

  async function show() {
    let solution;
    try {
      solution = await ctx.org.get(path);
    } catch (error) {
      if (!live) return;
      replace(
        main,
        el('p', { class: 'crumbs' }, el('a', { href: '#/solutions' }, '← Solutions')),
        error.status === 404
          ? empty('This solution does not exist (any more).')
          : el('p', { class: 'form-error', role: 'alert' }, error.message),
      );
      return;
    }
    if (!live) return;
    const members = membersSection(ctx, path);
    const groups = groupsSection(ctx, path, () => members.reload());
    replace(
      main,
      el('p', { class: 'crumbs' }, el('a', { href: '#/solutions' }, '← Solutions')),
      pageHeader(
        solution.name,
        renameButton(ctx, solution, () => show()),
        deleteButton(ctx, solution, () => ctx.navigate('#/solutions')),
      ),
      el('div', { class: 'solution-sections' }, members.element, groups.element),
    );
    main.querySelector('h1').focus();
    members.reload();
    groups.reload();
  }
}

/** The members assigned to the solution: a picker to assign one, a list to unassign. */
function membersSection(ctx, path) {
  let assigned = new Set();
  const list = el('div', { id: 'solution-members', 'aria-live': 'polite' });
  const picker = memberPicker(ctx, {
    label: 'Assign a member',
    name: 'assign-member',
    exclude: (m) => assigned.has(m.id),
    onPick: async (member) => {
      try {
        await ctx.org.put(`${path}/members/${seg(member.id)}`);
        toast(`Assigned ${member.email}`);
      } catch (error) {
        toast(error.message, 'error');
      }
      await reload();
    },
  });

  async function reload() {
    let members;
    try {
      members = await ctx.org.all(`${path}/members`);
    } catch (error) {
      replace(list, el('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    assigned = new Set(members.map((m) => m.id));
    replace(
      list,
      memberTable(
        'Members of the solution',
        members,
        'Unassign',
        async (m) => {
          await ctx.org.delete(`${path}/members/${seg(m.id)}`);
          toast(`Unassigned ${m.email}`);
          await reload();
        },
        'No members assigned yet.',
      ),
    );
  }

  const element = el(
    'section',
    { class: 'card admin-card', 'aria-labelledby': 'solution-members-heading' },
    el('h2', { id: 'solution-members-heading' }, 'Members'),
    el('p', { class: 'hint' }, 'A notification to the solution (scope SLN) reaches these members.'),
    picker.element,
    list,
  );
  return { element, reload };
}

/** The solution's groups, each with its members; `membersChanged` runs when a group's members do
 * (joining a group also assigns the solution). */
function groupsSection(ctx, path, membersChanged) {
  const list = el('div', { id: 'solution-groups' });
  const create = nameForm({
    id: 'create-group-form',
    label: 'New group’s name',
    name: 'group',
    submitLabel: 'Create group',
    submit: (name) => {
      if (!name)
        throw new ApiError(400, { message: 'Enter a name', errors: [{ field: 'group', message: 'Enter a name' }] });
      return ctx.org.put(`${path}/groups/${seg(name)}`);
    },
    done: async (group) => {
      toast(`Created group ${group.name}`);
      await reload();
    },
  });

  async function reload() {
    let groups;
    try {
      groups = (await ctx.org.get(`${path}/groups`)).items;
    } catch (error) {
      replace(list, el('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    replace(
      list,
      groups.length
        ? groups.map((g) => groupCard(ctx, path, g, reload, membersChanged))
        : empty('This solution has no groups. Create one to send to some of its members only (scope SLN_GRP).'),
    );
    const none = list.querySelector('.empty');
    if (none) none.id = 'no-groups';
  }

  const element = el(
    'section',
    { class: 'card admin-card', 'aria-labelledby': 'solution-groups-heading' },
    el('h2', { id: 'solution-groups-heading' }, 'Groups'),
    create,
    list,
  );
  return { element, reload };
}

function groupCard(ctx, path, group, groupsChanged, membersChanged) {
  const groupPath = `${path}/groups/${seg(group.name)}`;
  const headingId = `group-${Math.random().toString(36).slice(2, 9)}`;
  const list = el('div', { class: 'group-members', 'aria-live': 'polite' });
  let inGroup = new Set();
  const picker = memberPicker(ctx, {
    label: `Add a member to ${group.name}`,
    name: 'add-to-group',
    exclude: (m) => inGroup.has(m.id),
    onPick: async (member) => {
      try {
        await ctx.org.put(`${groupPath}/members/${seg(member.id)}`);
        toast(`Added ${member.email} to ${group.name}`);
      } catch (error) {
        toast(error.message, 'error');
      }
      await reload();
      membersChanged();
    },
  });

  async function reload() {
    let members;
    try {
      members = await ctx.org.all(`${groupPath}/members`);
    } catch (error) {
      replace(list, el('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    inGroup = new Set(members.map((m) => m.id));
    replace(
      list,
      memberTable(
        `Members of the group ${group.name}`,
        members,
        'Remove',
        async (m) => {
          await ctx.org.delete(`${groupPath}/members/${seg(m.id)}`);
          toast(`Removed ${m.email} from ${group.name}`);
          await reload();
        },
        'No members in this group yet.',
      ),
    );
  }
  reload();

  const remove = el(
    'button',
    {
      type: 'button',
      class: 'icon-button danger',
      'data-action': 'delete-group',
      'aria-label': `Delete the group ${group.name}`,
      onclick: () =>
        confirmDialog(
          `Delete the group ${group.name}?`,
          'Its members stay assigned to the solution.',
          'Delete group',
          async () => {
            await ctx.org.delete(groupPath);
            toast(`Deleted group ${group.name}`);
            await groupsChanged();
          },
        ),
    },
    'Delete group',
  );
  return el(
    'section',
    { class: 'group', 'data-group': group.name, 'aria-labelledby': headingId },
    el('div', { class: 'group-header' }, el('h3', { id: headingId }, group.name), remove),
    picker.element,
    list,
  );
}

/** A small table of members, each with a button that removes them from something. */
function memberTable(caption, members, removeLabel, remove, none) {
  if (!members.length) return empty(none);
  return table(
    caption,
    ['E-mail', 'Name', 'Actions'],
    members.map((m) =>
      el(
        'tr',
        { 'data-member-id': m.id, 'data-email': m.email },
        el('td', {}, el('a', { href: `#/members/${seg(m.id)}` }, m.email)),
        el('td', {}, m.name || '—'),
        el(
          'td',
          { class: 'row-action' },
          el(
            'button',
            {
              type: 'button',
              class: 'icon-button danger',
              'data-action': 'remove',
              'aria-label': `${removeLabel} ${m.email}`,
              onclick: async (event) => {
                const b = event.currentTarget;
                b.disabled = true;
                try {
                  await remove(m);
                } catch (error) {
                  b.disabled = false;
                  toast(error.message, 'error');
                }
              },
            },
            removeLabel,
          ),
        ),
      ),
    ),
  );
}
