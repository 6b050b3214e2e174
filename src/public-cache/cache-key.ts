import { stripIgnoredCharacters } from "graphql";

/** A GraphQL request as the cache reads it: the document's text, its operation and variables. */
export interface CacheableRequest {
  query: string;
  operationName: string | null;
  variables: unknown;
}

/** Documents longer than this are not kept (and their normal form is not remembered). */
const MAX_QUERY_LENGTH = 20_000;
const MAX_REMEMBERED = 2_000;
const normalForms = new Map<string, string | null>();

/**
 * The document with everything that does not change its meaning removed (whitespace, commas,
 * comments), so that the same query sent by two clients is one key; null when it does not parse
 * (Apollo then answers with the error). Remembered by text: a hit costs no lexing.
 */
export function normalForm(query: string): string | null {
  if (query.length > MAX_QUERY_LENGTH) return null;
  let form = normalForms.get(query);
  if (form === undefined) {
    try {
      form = stripIgnoredCharacters(query);
    } catch {
      form = null;
    }
    if (normalForms.size >= MAX_REMEMBERED) normalForms.clear();
    normalForms.set(query, form);
  }
  return form;
}

/** Variables nested deeper than this are not kept (Apollo refuses such a request anyway). */
const MAX_DEPTH = 32;

/** JSON with every object's keys in order: variables given in another order are the same key. Null when too deep. */
export function canonicalJson(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (depth >= MAX_DEPTH) return null;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = canonicalJson(item, depth + 1);
      if (part === null) return null;
      parts.push(part);
    }
    return `[${parts.join(",")}]`;
  }
  for (const key of Object.keys(value).sort()) {
    const part = canonicalJson((value as Record<string, unknown>)[key], depth + 1);
    if (part === null) return null;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  return `{${parts.join(",")}}`;
}

/**
 * The key of an answer: who may read it (the public's roles see one projection but have different
 * limits), the day in China (answers that depend on the date, such as compliance deadlines, differ
 * from one day to the next), the normal form of the document, the operation and the variables.
 */
export function cacheKey(role: string, day: string, request: CacheableRequest): string | null {
  const form = normalForm(request.query);
  const variables = canonicalJson(request.variables ?? {});
  if (form === null || variables === null) return null;
  return `${role}\n${day}\n${request.operationName ?? ""}\n${variables}\n${form}`;
}
