import { type ClassType, Field, ObjectType } from "type-graphql";
import { NonNegativeIntResolver } from "graphql-scalars";

@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; pass it as `after` for the next page." })
  endCursor!: string | null;
}

/** What every connection resolves to; `totalCount` is a promise so it is counted only when asked for. */
export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

export interface Page<T> {
  rows: T[];
  /** The cursor of the row at `index`, made only when asked for: most pages are read without their cursors. */
  cursorOf: (index: number) => string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export function toConnection<T>(page: Page<T>, count: () => Promise<number>): ConnectionValue<T> {
  const last = page.rows.length - 1;
  return {
    get edges() {
      return page.rows.map((node, i) => ({ node, cursor: page.cursorOf(i) }));
    },
    nodes: page.rows,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor() {
        return last >= 0 ? page.cursorOf(0) : null;
      },
      get endCursor() {
        return last >= 0 ? page.cursorOf(last) : null;
      },
    },
    get totalCount() {
      return count();
    },
  };
}

/** Builds the `<Name>Connection` and `<Name>Edge` types for one node type. */
export function connectionOf<T extends object>(nodeClass: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a list, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item, for `after`/`before`." })
    cursor!: string;

    @Field(() => nodeClass, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay cursor connection).` })
  class Connection {
    @Field(() => [Edge], { description: "The items of this page with their cursors." })
    edges!: Edge[];

    @Field(() => [nodeClass], { description: "The items of this page, without cursors." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Paging information." })
    pageInfo!: PageInfo;

    @Field(() => NonNegativeIntResolver, { description: "How many items the whole list holds, across all pages, as the viewer may see it." })
    totalCount!: number;
  }
  return Connection;
}
