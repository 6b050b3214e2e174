// A running service is in production unless told otherwise. In development graphql-js follows
// every failed `instanceof` of execution with a check for a second copy of graphql (2–3 % of a list
// page's CPU), and Apollo would choose development defaults (ours are set explicitly anyway).
// The entry points import this first, before graphql is loaded; the tests keep development's checks.
process.env.NODE_ENV ??= "production";
