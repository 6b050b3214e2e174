import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType({
  description: "An object with a stable, opaque global id, which `node(id:)` fetches (Relay Node).",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: "Opaque global id; stable, the same in the graph and in the open-data files." })
  id!: string;
}
