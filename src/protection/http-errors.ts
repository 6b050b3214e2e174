import { type FastifyError, type FastifyReply, type FastifyRequest } from "fastify";
import { INTERNAL_ERROR_MESSAGE, unavailableError } from "../graphql/format-error.js";

/** Fastify's refusals of a request it could not take, as GraphQL-shaped errors with codes. */
const CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send GraphQL as application/json (POST) or in the query string (GET)." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "BAD_REQUEST", message: "The request body is empty." },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "BAD_REQUEST", message: "The Content-Length does not match the body." },
};

/**
 * Errors that never reached GraphQL: a client's (4xx) say what was wrong, with a code and never the
 * body echoed back; anything else is logged and masked, like GraphQL's unexpected errors.
 */
export function httpErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = CLIENT_ERRORS[error.code] ?? (error instanceof SyntaxError || /JSON/.test(error.code ?? "") ? { code: "BAD_REQUEST", message: "The request body is not valid JSON." } : { code: "BAD_REQUEST", message: "The request could not be read." });
    return reply.status(status).send({ errors: [{ message: known.message, extensions: { code: known.code } }] });
  }
  request.log.error({ err: error }, "unexpected error");
  const unavailable = unavailableError(error);
  if (unavailable) {
    return reply.status(503).header("retry-after", "5").send({ errors: [{ message: unavailable.message, extensions: { code: unavailable.extensions.code } }] });
  }
  return reply.status(500).send({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
}
