// Building the page. Every text goes in as text (textContent), never as HTML: titles, names and
// inputs come from whoever sends notifications, and the console must not run what they contain.

/**
 * Creates an element: el('button', {class: 'primary', onclick: fn}, 'Send').
 * Attributes whose name starts with "on" become listeners; true/false toggle boolean attributes;
 * children are nodes or strings (as text), null and false are skipped, arrays are flattened.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A date and time in the browser's time zone, or "—". */
export function dateTime(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A state such as PARTIALLY_FAILED as a badge. */
export function stateBadge(state) {
  const name = String(state || '').toLowerCase();
  return el('span', { class: `badge state-${name.replace(/_/g, '-')}` }, name.replace(/_/g, ' '));
}

/** Shows a short message in the page's live region (announced by screen readers). */
export function toast(message, kind = 'info') {
  const region = document.getElementById('toast');
  const item = el('div', { class: `toast toast-${kind}` }, message);
  region.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/** A labelled form field; `error` is the element API validation messages are written into. */
export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  const error = el('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': input.name || '' });
  input.setAttribute('aria-describedby', `${id}-error`);
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    input,
    hint ? el('p', { class: 'hint' }, hint) : null,
    error,
  );
}

/**
 * Writes an API error's field messages next to the inputs they concern (by the input's name or
 * data-field), and its message into `summary`. Returns whether any field message found its input.
 */
export function showErrors(form, error, summary) {
  clearErrors(form);
  let placed = false;
  for (const { field: name, message } of error.errors || []) {
    const slot = errorSlot(form, name);
    if (slot) {
      slot.textContent = `${label(name)} ${message}`;
      const input = form.querySelector(`#${cssEscape(slot.id.replace(/-error$/, ''))}`);
      if (input) input.setAttribute('aria-invalid', 'true');
      placed = true;
    }
  }
  if (summary) summary.textContent = error.message || 'The request failed';
  return placed;
}

/**
 * Where a field's message goes: the element named by data-field or name (a shown one before a
 * hidden one), whose slot is the element with its id and "-error", or which is a slot itself.
 */
function errorSlot(form, name) {
  const selector = `[data-field="${cssEscape(name)}"], [name="${cssEscape(name)}"]`;
  const candidates = [...form.querySelectorAll(selector)];
  candidates.sort((a, b) => (b.offsetParent !== null) - (a.offsetParent !== null));
  for (const target of candidates) {
    if (target.classList.contains('field-error')) return target;
    const slot = target.id && document.getElementById(`${target.id}-error`);
    if (slot) return slot;
  }
  return null;
}

/** "startAt" → "Start at", for messages such as "Start at must be in the future". */
function label(name) {
  const words = name
    .replace(/([A-Z])/g, ' $1')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Clears what showErrors wrote. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((slot) => {
    slot.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  form.querySelectorAll('.form-error').forEach((slot) => {
    slot.textContent = '';
  });
}

function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
}

/** Copies text to the clipboard, saying so. */
export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast('Copied');
  } catch {
    toast('Copying is not allowed here: select the text and copy it', 'error');
  }
}

/** A button that runs `action` once at a time, disabled while it runs. */
export function button(label, action, attributes = {}) {
  const b = el('button', { type: 'button', ...attributes }, label);
  b.addEventListener('click', async (event) => {
    if (b.disabled) return;
    b.disabled = true;
    try {
      await action(event);
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

/** A page heading with actions on the right. */
export function pageHeader(title, ...actions) {
  return el(
    'div',
    { class: 'page-header' },
    el('h1', { tabindex: '-1' }, title),
    el('div', { class: 'actions' }, actions),
  );
}

/** A table in a scrolling wrapper, so that narrow screens scroll it rather than the page. */
export function table(caption, headers, rows) {
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      {},
      el('caption', { class: 'visually-hidden' }, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          headers.map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
}

/** The "nothing here yet" line of an empty list. */
export function empty(message) {
  return el('p', { class: 'empty' }, message);
}
