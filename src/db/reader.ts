import { type AppDb } from "./database.js";

/** Runs a read with the privileges of one viewer (for the public: the disclosure role). */
export type Reader = <T>(read: (db: AppDb) => Promise<T>) => Promise<T>;
