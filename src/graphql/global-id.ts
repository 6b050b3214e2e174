import { UserInputError } from "./user-input.error.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A database key as PostgreSQL writes a uuid. */
export const isUuidText = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** Opaque global ids (Relay): base64url of "Type:uuid". Clients must not parse them. */
export function toGlobalId(typeName: string, rowId: string): string {
  return Buffer.from(`${typeName}:${rowId}`, "utf8").toString("base64url");
}

export interface DecodedId {
  typeName: string;
  rowId: string;
}

export function fromGlobalId(id: string, argument = "id"): DecodedId {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  const typeName = decoded.slice(0, separator);
  const rowId = decoded.slice(separator + 1);
  if (separator < 1 || !/^[A-Za-z]+$/.test(typeName) || !isUuidText(rowId) || toGlobalId(typeName, rowId) !== id) {
    throw new UserInputError(`"${argument}" is not a valid id.`, argument);
  }
  return { typeName, rowId };
}

/** Decodes an id that must name an object of one type (filters such as `regionId`). */
export function rowIdOf(id: string, typeName: string, argument: string): string {
  const decoded = fromGlobalId(id, argument);
  if (decoded.typeName !== typeName) throw new UserInputError(`"${argument}" must be the id of a ${typeName}.`, argument);
  return decoded.rowId;
}
