-- A comment's receipt number (src/consultations/receipt-number.ts): 11 symbols of Crockford's
-- base 32 drawn from gen_random_uuid()'s random bytes (the version and variant bits left out), and a
-- Luhn mod 32 check symbol. The column's default, so that the backfill and every writer get one.
CREATE OR REPLACE FUNCTION new_receipt_number() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  bytes constant bytea := decode(replace(gen_random_uuid()::text, '-', ''), 'hex');
  symbols text := '';
  factor int := 2;
  total int := 0;
  addend int;
  i int;
BEGIN
  FOREACH i IN ARRAY ARRAY[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12] LOOP
    symbols := symbols || substr(alphabet, get_byte(bytes, i) % 32 + 1, 1);
  END LOOP;
  FOR i IN REVERSE 11..1 LOOP
    addend := factor * (strpos(alphabet, substr(symbols, i, 1)) - 1);
    factor := CASE WHEN factor = 2 THEN 1 ELSE 2 END;
    total := total + addend / 32 + addend % 32;
  END LOOP;
  RETURN symbols || substr(alphabet, (32 - total % 32) % 32 + 1, 1);
END
$$;
