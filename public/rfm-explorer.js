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
 */
const APP_URL = new URL('./', import.meta.url).href;

/** Attributes that belong to the page, not to the embed. */
const isPageAttribute = (name) =>
  name === 'id' ||
  name === 'class' ||
  name === 'style' ||
  name === 'title' ||
  name === 'hidden' ||
  name.startsWith('data-') ||
  name.startsWith('aria-');

const STYLE = `
  :host { display: block; contain: content; }
  :host([hidden]) { display: none; }
  iframe { display: block; width: 100%; height: 600px; border: 0; }
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
    root.append(style, this.frame);
    this.onMessage = this.onMessage.bind(this);
    this.attributesChanged = new MutationObserver((mutations) => {
      if (mutations.some((m) => m.attributeName && !isPageAttribute(m.attributeName))) this.load();
    });
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
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
    this.attributesChanged.disconnect();
    this.frame.removeAttribute('src');
  }

  load() {
    this.setAttribute('data-run-state', 'idle');
    this.frame.src = this.src;
  }

  onMessage(event) {
    const data = event.data;
    if (event.source !== this.frame.contentWindow || !data || typeof data.type !== 'string') return;
    if (data.type === 'rfm-explorer:resize' && typeof data.height === 'number')
      this.frame.style.height = `${Math.max(0, Math.ceil(data.height))}px`;
    if (data.type === 'rfm-explorer:state' && typeof data.state === 'string')
      this.setAttribute('data-run-state', data.state);
  }
}

if (!customElements.get('rfm-explorer')) customElements.define('rfm-explorer', RfmExplorerElement);
