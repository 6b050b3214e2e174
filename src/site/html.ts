/**
 * HTML built from templates in which every interpolated value is escaped unless it is itself
 * `Html`: a record's text (a comment, a title) can never become markup on a resident's page.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  // U+E000 and U+E001 mark a resident's own words kept from script conversion (see `kept`).
  return text.replace(/[&<>"'\uE000\uE001]/g, (c) => ESCAPES[c] ?? "");
}

/** Values: Html as it is; lists one after another; null, undefined and false as nothing; the rest escaped. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0]!;
  values.forEach((value, i) => {
    text += render(value) + strings[i + 1]!;
  });
  return new Html(text);
}

/** Markup written by this code, never by a record or a request. */
export const trusted = (text: string): Html => new Html(text);
