// Placeholder: being built on another branch. main.js imports it, and without it no module of the
// console loads; whoever builds the notifications views replaces this file.
import { el, replace } from './dom.js';
export function notificationsView(main) { replace(main, el('p', {}, 'Not built yet.')); }
export function notificationView(main) { replace(main, el('p', {}, 'Not built yet.')); }
