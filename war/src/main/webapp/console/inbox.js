// Placeholder: being built.
import { el, replace } from './dom.js';
export function inboxView(main) { replace(main, el('p', {}, 'Not built yet.')); }
export function unreadBadge() { return () => {}; }
