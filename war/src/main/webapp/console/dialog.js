// Small modal dialogs for the admin pages: a form (edit, rename) and a confirm step (remove,
// revoke). Native <dialog> with showModal(): the browser keeps Tab inside it, Escape closes it, and
// the rest of the page is inert meanwhile. Focus goes back to what opened it.

import { ApiError } from './api.js';
import { clearErrors, el, showErrors } from './dom.js';

let counter = 0;

// A dialog must not outlive its page: the router replaces <main>, not <body>.
window.addEventListener('hashchange', () => {
  document.querySelectorAll('dialog.dialog[open]').forEach((d) => d.close());
});

/** Opens a modal dialog titled `title` holding `content`; returns the <dialog> (close() removes it). */
export function openDialog(title, ...content) {
  const opener = document.activeElement;
  const headingId = `dialog-title-${++counter}`;
  const dialog = el(
    'dialog',
    { class: 'dialog', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, title),
    content,
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * A dialog with a form: `fields` are field() elements, `submit(form)` does the work and may throw
 * an ApiError, whose field messages then appear beside the inputs and whose message above the
 * buttons; the dialog closes when `submit` succeeds.
 */
export function formDialog(title, fields, submitLabel, submit) {
  const summary = el('p', { class: 'form-error', role: 'alert' });
  const save = el('button', { type: 'submit', class: 'primary', 'data-testid': 'dialog-submit' }, submitLabel);
  const form = el(
    'form',
    { novalidate: true },
    fields,
    summary,
    el(
      'div',
      { class: 'actions dialog-actions' },
      el('button', { type: 'button', value: 'cancel', onclick: () => dialog.close() }, 'Cancel'),
      save,
    ),
  );
  const dialog = openDialog(title, form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (save.disabled) return;
    clearErrors(form);
    save.disabled = true;
    try {
      await submit(form);
      dialog.close();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showErrors(form, error, summary);
    } finally {
      save.disabled = false;
    }
  });
  const first = form.querySelector('input, select, textarea');
  if (first) first.focus();
  return dialog;
}

/**
 * Asks before something that cannot be undone. `action()` runs on confirmation; its error is shown
 * in the dialog, which then stays open. Focus starts on Cancel, the safe choice.
 */
export function confirmDialog(title, message, confirmLabel, action) {
  const error = el('p', { class: 'form-error', role: 'alert' });
  const cancel = el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
  const confirm = el('button', { type: 'button', class: 'danger', 'data-testid': 'confirm' }, confirmLabel);
  confirm.addEventListener('click', async () => {
    if (confirm.disabled) return;
    confirm.disabled = true;
    error.textContent = '';
    try {
      await action();
      dialog.close();
    } catch (e) {
      error.textContent = e.message;
    } finally {
      confirm.disabled = false;
    }
  });
  const dialog = openDialog(
    title,
    el('p', {}, message),
    error,
    el('div', { class: 'actions dialog-actions' }, cancel, confirm),
  );
  cancel.focus();
  return dialog;
}
