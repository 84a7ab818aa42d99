// Placeholder: being built.
import { el, replace } from './dom.js';
export function tokensView(main) { replace(main, el('p', {}, 'Not built yet.')); }
