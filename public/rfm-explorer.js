/*
 * <rfm-explorer>: the RFM Explorer embed as a custom element (an ES module; load it with
 * <script type="module" src=".../rfm-explorer.js">). Its attributes are the embed's parameters: preset,
 * panels, controls and any key of the parameter schema (p, L, iters, ...), exactly as in an ?embed link.
 *
 *   <rfm-explorer preset="grokking" p="31" panels="accuracy,ab"></rfm-explorer>
 *
 * How: the element's shadow root holds an iframe of the embed view published beside this script (the URL
 * is resolved against import.meta.url), so the page using it may be on any origin. The iframe is on the
 * script's origin, so its training worker and wasm files load from there; its styles cannot leak in or
 * out, and every element has its own worker (two elements train independently). The embed view posts its
 * height and run state; the element sizes itself and reflects the state as data-run-state on the host.
 * Changing an attribute reloads the embed with the new parameters (a new run).
 *
 * Nothing is downloaded until the element comes within a screen's height of the viewport (NEAR_SCREEN):
 * an article with figures far below the fold loads none of the app (3 MB with the wasm) at page load, and
 * its load event does not wait for them.
 */
const APP_URL = new URL('./', import.meta.url).href;
/** How far outside the viewport an element starts loading (IntersectionObserver rootMargin). */
const NEAR_SCREEN = '100% 0px';

/** Attributes that belong to the page, not to the embed. */
const isPageAttribute = (name) =>
  name === 'id' ||
  name === 'class' ||
  name === 'style' ||
  name === 'title' ||
  name === 'hidden' ||
  name.startsWith('data-') ||
  name.startsWith('aria-');

/** Heights the embed view may ask for, px: finite, above 0, at most this (a page cannot be made endless). */
const MAX_HEIGHT = 20000;
/** Attribute values this long (or a query this long) would break the iframe's URL: refused, with a message. */
const MAX_ATTRIBUTE = 10 * 1024;
const RUN_STATES = ['idle', 'running', 'paused', 'finished', 'failed'];

const STYLE = `
  :host { display: block; contain: content; }
  :host([hidden]) { display: none; }
  iframe { display: block; width: 100%; height: 600px; border: 0; }
  iframe[hidden] { display: none; }
  p { margin: 0; padding: 0.5em; font: 14px system-ui, sans-serif; color: #a40000; }
`;

class RfmExplorerElement extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('title', 'RFM Explorer');
    this.frame.setAttribute('part', 'frame');
    this.problem = document.createElement('p');
    this.problem.setAttribute('role', 'alert');
    this.problem.hidden = true;
    root.append(style, this.problem, this.frame);
    this.onMessage = this.onMessage.bind(this);
    this.attributesChanged = new MutationObserver((mutations) => {
      if (this.nearScreen) return; // not loaded yet: it loads with the current attributes when near
      if (mutations.some((m) => m.attributeName && !isPageAttribute(m.attributeName))) this.load();
    });
    this.nearScreen = null;
  }

  /** The embed view's URL for the current attributes. */
  get src() {
    const query = new URLSearchParams({ embed: '1' });
    for (const { name, value } of Array.from(this.attributes)) if (!isPageAttribute(name)) query.set(name, value);
    return `${APP_URL}?${query.toString().replace(/%2C/gi, ',')}`;
  }

  connectedCallback() {
    window.addEventListener('message', this.onMessage);
    this.attributesChanged.observe(this, { attributes: true });
    this.setAttribute('data-run-state', 'idle');
    this.nearScreen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.stopWatchingScreen();
        this.load();
      },
      { rootMargin: NEAR_SCREEN },
    );
    this.nearScreen.observe(this);
  }

  stopWatchingScreen() {
    this.nearScreen?.disconnect();
    this.nearScreen = null;
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
    this.attributesChanged.disconnect();
    this.stopWatchingScreen();
    this.frame.removeAttribute('src');
  }

  /** Why the attributes cannot make an embed URL (an attribute or the query of 10 kB or more), or null. */
  get tooLong() {
    for (const { name, value } of Array.from(this.attributes)) {
      if (!isPageAttribute(name) && value.length >= MAX_ATTRIBUTE)
        return `The attribute ${name.slice(0, 40)} is ${value.length} characters long; values of 10 kB or more are refused.`;
    }
    const src = this.src;
    return src.length >= MAX_ATTRIBUTE
      ? `The attributes make a ${src.length}-character address; 10 kB or more is refused.`
      : null;
  }

  load() {
    const problem = this.tooLong;
    // The message is text (textContent), never markup.
    this.problem.textContent = problem ?? '';
    this.problem.hidden = problem === null;
    this.frame.hidden = problem !== null;
    if (problem !== null) {
      this.frame.removeAttribute('src');
      this.setAttribute('data-run-state', 'failed');
      return;
    }
    this.setAttribute('data-run-state', 'idle');
    this.frame.src = this.src;
  }

  onMessage(event) {
    const data = event.data;
    if (event.source !== this.frame.contentWindow || !data || typeof data.type !== 'string') return;
    // Heights are finite, above 0 and at most MAX_HEIGHT; states only the five the app has.
    if (data.type === 'rfm-explorer:resize' && Number.isFinite(data.height) && data.height > 0)
      this.frame.style.height = `${Math.min(MAX_HEIGHT, Math.ceil(data.height))}px`;
    if (data.type === 'rfm-explorer:state' && RUN_STATES.includes(data.state))
      this.setAttribute('data-run-state', data.state);
  }
}

if (!customElements.get('rfm-explorer')) customElements.define('rfm-explorer', RfmExplorerElement);
