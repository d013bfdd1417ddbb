/**
 * What a link carries: the parameters (over the preset) and the view state (over its defaults), both
 * written by their schemas. Links, snippets and the URL bar all come from here.
 */
import { presetParams } from '../params/presets';
import { queryFromParams } from '../params/schema';
import { appendViewToQuery, type ViewState } from '../params/view';
import type { AppState } from './store';

/** The full view state: layout settings plus the scrubbed iteration and hide-diagonal. */
export const selectViewState = (s: AppState): ViewState => ({
  ...s.view,
  it: s.selectedIteration ?? -1,
  hidediag: s.hideDiagonal === null ? 'auto' : s.hideDiagonal ? 'on' : 'off',
  // A CSV run's link names its file (the rows never travel): the uploaded one, else the one it was opened with.
  file: s.params.data === 'csv' ? (s.assets.csv?.name ?? s.view.file) : '',
});

/** Parameters plus view state as a query string; `overrides` changes view keys (e.g. embed on or off). */
export function selectShareQuery(s: AppState, overrides: Partial<ViewState> = {}): URLSearchParams {
  return appendViewToQuery({ ...selectViewState(s), ...overrides }, queryFromParams(s.params, presetParams));
}

/** The query as attributes of `<rfm-explorer>`: every key with a value; `embed` is implied there. */
export function attributesFromQuery(query: URLSearchParams): string {
  return [...query]
    .filter(([key]) => key !== 'embed')
    .map(([key, value]) => ` ${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
}

/**
 * The element's fallback content, shown only while rfm-explorer.js has not defined the element (its shadow
 * root has no slot, so the text is hidden once it has). A module script from another origin that its server
 * does not allow (no Access-Control-Allow-Origin) never runs: without this text the element is an empty,
 * 0 px inline box and the author sees nothing at all.
 */
export function elementFallback(base: string): string {
  const script = `${base}rfm-explorer.js`;
  return (
    `RFM Explorer loads here from ${script}. If this text stays, that script did not run: the server at ` +
    `${new URL(base).origin} must send the header Access-Control-Allow-Origin: * (as GitHub Pages and CDNs ` +
    `do), since a module script from another site needs it; or the address is wrong.`
  );
}

export interface ShareLinks {
  /** The full app with this state. */
  link: string;
  /** The embed view with this state. */
  embed: string;
  iframeSnippet: string;
  elementSnippet: string;
  /** The full app for a class: controls hidden, larger type. */
  classroom: string;
}

/** A query as readable text: commas of lists stay commas. */
export const queryText = (query: URLSearchParams) => query.toString().replace(/%2C/gi, ',');

const withQuery = (base: string, query: URLSearchParams) => {
  const text = queryText(query);
  return text ? `${base}?${text}` : base;
};

/**
 * Links and snippets for the app published at `base` (the folder URL, ending in `/`). The embed and the
 * element keep the parameters and view state but drop the full app's controls unless asked for.
 */
export function shareLinks(s: AppState, base: string): ShareLinks {
  const full = selectShareQuery(s, { embed: false });
  const embed = selectShareQuery(s, { embed: true });
  const embedUrl = withQuery(base, embed);
  const classroom = selectShareQuery(s, {
    embed: false,
    classroom: true,
    hide: ['presets', 'data', 'model', 'backend'],
  });
  return {
    link: withQuery(base, full),
    embed: embedUrl,
    iframeSnippet: [
      `<iframe data-rfm-explorer src="${embedUrl.replace(/&/g, '&amp;')}" width="100%" height="600"`,
      `  style="border: 0" loading="lazy" title="RFM Explorer"></iframe>`,
      `<script src="${base}embed.js" defer></script>`,
    ].join('\n'),
    elementSnippet: [
      `<script type="module" src="${base}rfm-explorer.js"></script>`,
      `<rfm-explorer${attributesFromQuery(embed)}>${elementFallback(base)}</rfm-explorer>`,
    ].join('\n'),
    classroom: withQuery(base, classroom),
  };
}
