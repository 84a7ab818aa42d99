// Placeholder: being built.
import { el, replace } from './dom.js';
export function solutionsView(main) { replace(main, el('p', {}, 'Not built yet.')); }
export function solutionView(main) { replace(main, el('p', {}, 'Not built yet.')); }
