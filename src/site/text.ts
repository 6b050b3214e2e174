import { html, type Html } from "./html.js";

/** Longer text, paragraph by paragraph. */
export function paragraphs(text: string): Html[] {
  return text.split(/\n+/).filter(Boolean).map((line) => html`<p>${line}</p>`);
}

/**
 * The first `limit` characters of a long text, with a link to the whole: a page of many long
 * comments (5,000 characters each) would otherwise pass 100 KB.
 */
export function excerpt(text: string, limit: number, whole: string): Html[] {
  const characters = [...text];
  if (characters.length <= limit) return paragraphs(text);
  return [...paragraphs(`${characters.slice(0, limit).join("")}…`), html`<p><a href="${whole}">閱讀全文（共 ${characters.length} 字）</a></p>`];
}

/**
 * Control characters other than tabs and line breaks: no resident types them, the API refuses them,
 * and they are never echoed back.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export const hasControlCharacters = (text: string): boolean => new RegExp(CONTROL_CHARACTERS.source).test(text);

/**
 * A long text in pieces of at most `size` characters, cut between paragraphs where it can be (a
 * published decision may run to 200,000 characters; a page holds 20,000).
 */
export function pieces(text: string, size: number): string[] {
  const result: string[] = [];
  let current = "";
  for (const line of text.split(/\n/)) {
    const characters = [...line];
    for (let start = 0; start < Math.max(characters.length, 1); start += size) {
      const part = characters.slice(start, start + size).join("");
      if (current && [...current].length + 1 + [...part].length > size) {
        result.push(current);
        current = part;
      } else current = current ? `${current}\n${part}` : part;
    }
  }
  if (current || result.length === 0) result.push(current);
  return result;
}
