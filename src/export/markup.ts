/**
 * XML/HTML text and attribute values for the SVG and HTML exports: the one way a value enters exported
 * markup. The five markup characters become entities, and characters XML 1.0 cannot hold at all (C0
 * controls other than tab, newline and return, lone surrogates, U+FFFE/U+FFFF) are dropped, so an
 * exported file always parses and no value can open a tag, end an attribute or start a comment.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an element's content or a quoted attribute value. */
export function escapeXml(value: unknown): string {
  return String(value)
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A finite number for a numeric attribute (x, y, width); anything else becomes 0. */
export function xmlNumber(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '0';
}
