import { GraphQLError, GraphQLScalarType } from "graphql";
import { LocalDateResolver } from "graphql-scalars";

const inRange = (day: string) => day >= "0001-01-01" && day <= "9999-12-31";

/**
 * graphql-scalars' LocalDate, restricted to the years 1–9999: it accepts year 0, which PostgreSQL
 * rejects, and a date the database rejects must be the client's error, not the server's.
 */
export const LocalDateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  parseValue(value) {
    const day = LocalDateResolver.parseValue(value) as string;
    if (!inRange(day)) throw new GraphQLError(`LocalDate must be between 0001-01-01 and 9999-12-31, got ${day}.`);
    return day;
  },
  parseLiteral(ast, variables) {
    const day = LocalDateResolver.parseLiteral(ast, variables) as string;
    if (!inRange(day)) throw new GraphQLError(`LocalDate must be between 0001-01-01 and 9999-12-31, got ${day}.`);
    return day;
  },
});
