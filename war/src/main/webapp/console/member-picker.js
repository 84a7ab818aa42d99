// A member picker: search-as-you-type over GET …/members?q= (e-mail, name or external id), choose
// one. Usable anywhere a member is needed (assigning, groups, tokens, sending).
//
//   const picker = memberPicker(ctx, { label: 'Member', name: 'member', field: 'memberId',
//                                      keep: true, onPick: (member) => … });
//   form.append(picker.element);   picker.selected() → the chosen member or null;   picker.clear()
//
// Options: `label` (required, the input's visible label), `name` (the search input's name),
// `field` (the API field whose validation errors belong beside it, e.g. 'memberId'), `keep` (true:
// the choice stays shown until cleared, as in a form; false: the box empties after each pick, as
// for "add to…" lists), `onPick(member)` (called on each choice; may be async), `exclude(member)`
// (true hides a member from the results, e.g. the ones already assigned), `hint`.
//
// Keyboard: type to search; ArrowDown moves into the results, ArrowUp/ArrowDown between them,
// Enter or Space chooses, Escape closes the results. The number of results is announced.

import { el, field, replace } from './dom.js';

const DEBOUNCE_MS = 250;
const RESULTS = 8;

export function memberPicker(ctx, options) {
  const { label, name = 'member-search', keep = false, onPick = () => {}, exclude = () => false, hint } = options;
  let chosen = null;
  let timer = null;
  let sequence = 0;

  const input = el('input', {
    type: 'search',
    name,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Search by e-mail or name',
  });
  if (options.field) input.dataset.field = options.field;
  const list = el('ul', { class: 'picker-results', hidden: true });
  const status = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const choice = el('p', { class: 'picker-choice', hidden: true, 'data-testid': 'picker-choice' });
  const element = el('div', { class: 'member-picker' }, field(label, input, hint), choice, list, status);

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = list.querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && !list.hidden) {
      // Only swallow Escape while the results are open, so a dialog around us still closes.
      event.preventDefault();
      event.stopPropagation();
      closeResults();
    }
  });
  list.addEventListener('keydown', (event) => {
    const buttons = [...list.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else if (buttons[next]) buttons[next].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeResults();
      input.focus();
    }
  });

  async function search() {
    const q = input.value.trim();
    const mine = ++sequence;
    if (!q) {
      closeResults();
      return;
    }
    let page;
    try {
      page = await ctx.org.get(`members?limit=${RESULTS + 10}&q=${encodeURIComponent(q)}`);
    } catch (error) {
      if (mine === sequence) status.textContent = error.message;
      return;
    }
    if (mine !== sequence) return; // a later search is under way; its answer wins
    const members = page.items.filter((m) => !exclude(m)).slice(0, RESULTS);
    replace(
      list,
      members.map((m) =>
        el(
          'li',
          {},
          el(
            'button',
            {
              type: 'button',
              class: 'picker-option',
              'data-testid': 'member-option',
              'data-member-id': m.id,
              onclick: () => pick(m),
            },
            el('span', { class: 'picker-email' }, m.email),
            m.name ? el('span', { class: 'picker-name' }, m.name) : null,
          ),
        ),
      ),
      members.length ? null : el('li', { class: 'picker-none' }, 'No member matches'),
    );
    list.hidden = false;
    status.textContent = members.length === 1 ? '1 member found' : `${members.length} members found`;
  }

  async function pick(member) {
    closeResults();
    if (keep) {
      chosen = member;
      input.value = member.email;
      replace(choice, 'Chosen: ', el('strong', {}, member.email), member.name ? ` (${member.name})` : '');
      choice.hidden = false;
    } else {
      input.value = '';
    }
    input.focus();
    await onPick(member);
  }

  function closeResults() {
    list.hidden = true;
    replace(list);
    sequence++;
  }

  // Typing again after a choice starts a new search, so the old choice no longer holds.
  input.addEventListener('input', () => {
    if (chosen && input.value !== chosen.email) {
      chosen = null;
      choice.hidden = true;
    }
  });

  return {
    element,
    input,
    selected: () => chosen,
    clear() {
      chosen = null;
      input.value = '';
      choice.hidden = true;
      closeResults();
    },
  };
}
