import { type ApolloServerPlugin } from "@apollo/server";
import { type AppContext } from "../context.js";
import { type Database } from "../db/database.js";

/** Writes a request's reads of withheld material to the access log before the response leaves. */
export function flushAccessLog(database: Database): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          await contextValue.accessLog.flush(database);
        },
      };
    },
  };
}
