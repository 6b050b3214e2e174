/**
 * Crockford's base 32: digits and capitals without I, L, O and U, so that nothing read aloud or
 * copied by hand is ambiguous. 11 random symbols carry 55 bits; the 12th is a check symbol (Luhn
 * mod 32), which catches every single mistyped symbol and most swaps of neighbours. Numbers are
 * drawn by the database (`new_receipt_number()`, migration 0027, the same check) as the column's
 * default, so that every writer and the backfill of older comments get one.
 */
export const RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_SYMBOLS = 11;
export const RECEIPT_LENGTH = RANDOM_SYMBOLS + 1;

/** Luhn mod N over the alphabet: the symbol that makes the whole sequence check. */
export function checkSymbol(symbols: string): string {
  const n = RECEIPT_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i--) {
    const addend = factor * RECEIPT_ALPHABET.indexOf(symbols[i]!);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / n) + (addend % n);
  }
  return RECEIPT_ALPHABET[(n - (sum % n)) % n]!;
}

/** As residents read it: `K7QM-4TZ9-XP3R`. */
export const formatReceiptNumber = (stored: string): string => stored.match(/.{1,4}/g)!.join("-");

/**
 * A number as typed (any case, with spaces or hyphens, O for 0, I or L for 1) in its stored form,
 * or null when it cannot be one: wrong length, a symbol outside the alphabet, or a check symbol
 * that does not match (a typo). Anyone can compute this much without asking the server.
 */
export function parseReceiptNumber(typed: string): string | null {
  if (typed.length > 40) return null;
  const symbols = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (symbols.length !== RECEIPT_LENGTH || [...symbols].some((c) => !RECEIPT_ALPHABET.includes(c))) return null;
  return checkSymbol(symbols.slice(0, RANDOM_SYMBOLS)) === symbols[RANDOM_SYMBOLS] ? symbols : null;
}
