// Placeholder: being built. (main.js imports it; without the file no module of the console loads.)
import { el, replace } from './dom.js';
export function notificationsView(main) { replace(main, el('p', {}, 'Not built yet.')); }
export function notificationView(main) { replace(main, el('p', {}, 'Not built yet.')); }
