// Placeholder: being built.
import { el, replace } from './dom.js';
export function membersView(main) { replace(main, el('p', {}, 'Not built yet.')); }
export function memberView(main) { replace(main, el('p', {}, 'Not built yet.')); }
