// The console's only way to the server: Herald's public REST API, on the page's own origin and
// context root (the URLs are relative to the page, so the console works wherever the WAR is
// deployed). The token lives in sessionStorage: it ends with the browser tab, never goes into a
// URL, and is sent only in the Authorization header.

const TOKEN_KEY = 'herald.console.token';
const ROOT = new URL('.', document.baseURI);

/** An answer other than 2xx: the API's {"message", "errors"} with its status. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `The server answered ${status}`);
    this.status = status;
    this.errors = (body && body.errors) || [];
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function keepToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The full URL of a path of the API, e.g. url('v2.0/tool/me'). */
export function url(path) {
  return new URL(path, ROOT).href;
}

/** Calls the API; resolves to the parsed JSON answer (null for an empty one), rejects with ApiError. */
export async function call(method, path, body, secret = token()) {
  const headers = { Accept: 'application/json' };
  if (secret) headers.Authorization = `Bearer ${secret}`;
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url(path), init);
  } catch {
    throw new ApiError(0, { message: 'Herald cannot be reached: check the network and try again' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = { message: `The server answered ${response.status} with something that is not JSON` };
    }
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('herald:unauthorized'));
    throw new ApiError(response.status, json);
  }
  return json;
}

/** The calls of one organization: org.get('members?q=ann'), org.post('notifications', {...}). */
export function organizationApi(organizationId) {
  const base = `v2.0/tool/organizations/${encodeURIComponent(organizationId)}/`;
  return {
    id: organizationId,
    path: (p) => base + p,
    get: (p) => call('GET', base + p),
    post: (p, body) => call('POST', base + p, body === undefined ? {} : body),
    put: (p) => call('PUT', base + p),
    patch: (p, body) => call('PATCH', base + p, body),
    delete: (p) => call('DELETE', base + p),
    /** Every item of a paged list, following nextCursor (at most `max`). */
    async all(p, max = 2000) {
      const items = [];
      let cursor = null;
      do {
        const sep = p.includes('?') ? '&' : '?';
        const page = await call(
          'GET',
          `${base}${p}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < max);
      return items;
    },
  };
}

/** Encodes a path segment (ids, group names). */
export const seg = encodeURIComponent;

/**
 * Reads a Server-Sent Events stream with fetch (EventSource cannot send the Authorization header,
 * and the token must not go into the URL). Calls onEvent({event, id, data}) for each event;
 * reconnects with Last-Event-ID after a break. Returns a function that stops it.
 */
export function stream(path, { onEvent, onState = () => {} }) {
  const controller = new AbortController();
  let lastEventId = null;
  let stopped = false;

  async function connect() {
    while (!stopped) {
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch(url(path), { headers, signal: controller.signal, cache: 'no-store' });
        if (response.status === 401) {
          window.dispatchEvent(new CustomEvent('herald:unauthorized'));
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onState('open');
        await readEvents(response.body, (event) => {
          if (event.id) lastEventId = event.id;
          onEvent(event);
        });
      } catch (error) {
        if (stopped) return;
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { event: 'message', id: null, data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event.data.length) dispatch({ event: event.event, id: event.id, data: event.data.join('\n') });
        event = { event: 'message', id: null, data: [] };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (name === 'data') event.data.push(text);
        else if (name === 'event') event.event = text;
        else if (name === 'id') event.id = text;
      }
    }
  }
}
