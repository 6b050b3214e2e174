import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { appendAudit } from "../audit/audit-trail.js";
import { type Database } from "../db/database.js";
import { graphqlEnum } from "../graphql/enums.js";
import { rowIdOf, toGlobalId } from "../graphql/global-id.js";
import { UserError, userError, UserErrors } from "../graphql/user-error.type.js";
import { type EditorialService } from "../records/editorial.service.js";
import { createKey, listKeys, revokeKey, type ApiKeyRow } from "./api-key.service.js";
import { keyRole } from "./api-key.table.js";
import { rolesOf } from "./operation-roles.js";
import { type KeyRole, seesWithheld, type Viewer } from "./viewer.js";

export const KeyRoleEnum = graphqlEnum(keyRole.enumValues, "KeyRole", "What an API key may do.", {
  RESEARCHER: "Reads the public record (with the higher limits of a known client).",
  LEGAL_REVIEWER: "Reads everything, withheld material included (each read logged); records legality reviews.",
  EDITOR: "Reads everything; writes decisions and their parts, withholdings, comment moderation and replies.",
  ADMIN: "Reads everything; issues and revokes keys.",
});

@ObjectType({ description: "An API key. The secret is shown once, when the key is created; only its hash is stored." })
export class ApiKey {
  @Field(() => ID, { description: "Global id of the key." })
  id!: string;

  @Field(() => String, { description: "Who or what the key is for." })
  name!: string;

  @Field(() => KeyRoleEnum, { description: "What the key may do." })
  role!: string;

  @Field(() => String, { description: "The first characters of the secret, to tell keys apart." })
  secretPrefix!: string;

  @Field(() => DateTimeISOResolver, { description: "When the key was created." })
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When the key was last used (to the minute)." })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When the key was revoked; null while it is valid." })
  revokedAt!: Date | null;
}

const asApiKey = (row: ApiKeyRow): ApiKey => ({ ...row, id: toGlobalId("ApiKey", row.id) });
const withoutHash = ({ secretHash: _hash, ...row }: ApiKeyRow) => row;

@InputType({ description: "A new API key." })
export class ApiKeyCreateInput {
  @Field(() => String, { description: "Who or what the key is for (at most 200 characters)." })
  name!: string;

  @Field(() => KeyRoleEnum, { description: "What the key may do." })
  role!: KeyRole;
}

@InputType({ description: "The key to revoke." })
export class ApiKeyRevokeInput {
  @Field(() => ID, { description: "Global id of the key." })
  id!: string;
}

@ObjectType({ description: "Result of apiKeyCreate." })
export class ApiKeyCreatePayload {
  @Field(() => ApiKey, { nullable: true, description: "The new key; null when refused." })
  apiKey!: ApiKey | null;

  @Field(() => String, { nullable: true, description: "The secret, shown this once: send it as `Authorization: Bearer <secret>`." })
  secret!: string | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of apiKeyRevoke." })
export class ApiKeyRevokePayload {
  @Field(() => ApiKey, { nullable: true, description: "The revoked key; null when refused." })
  apiKey!: ApiKey | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Who you are to this API." })
export class ViewerInfo {
  @Field(() => String, { description: "ANONYMOUS, or the role of your API key." })
  role!: string;

  @Field(() => String, { nullable: true, description: "The name of your API key." })
  keyName!: string | null;

  @Field(() => Boolean, { description: "Whether you see withheld material (and your reads of it are logged)." })
  seesWithheld!: boolean;
}


export class ApiKeyService {
  constructor(
    private readonly database: Database,
    private readonly editorial: EditorialService,
  ) {}

  async list(): Promise<ApiKey[]> {
    this.editorial.authorize(rolesOf("Query", "apiKeys")!, "apiKeys");
    return (await this.database.asWriter(listKeys)).map(asApiKey);
  }

  async create(input: ApiKeyCreateInput): Promise<ApiKeyCreatePayload> {
    this.editorial.authorize(rolesOf("Mutation", "apiKeyCreate")!, "apiKeyCreate");
    const name = input.name.trim();
    if (!name || name.length > 200) return { apiKey: null, secret: null, userErrors: [userError("INVALID_INPUT", "name must be 1 to 200 characters.", ["name"])] };
    return this.database.asWriter(async (db) => {
      const { key, secret } = await createKey(db, name, input.role);
      await appendAudit(db, this.editorial.actor, { action: "apiKeyCreate", recordType: "api_keys", recordId: key.id, before: null, after: withoutHash(key) });
      return { apiKey: asApiKey(key), secret, userErrors: [] };
    });
  }

  async revoke(input: ApiKeyRevokeInput): Promise<ApiKeyRevokePayload> {
    this.editorial.authorize(rolesOf("Mutation", "apiKeyRevoke")!, "apiKeyRevoke");
    const id = rowIdOf(input.id, "ApiKey", "input.id");
    try {
      return await this.database.asWriter(async (db) => {
        const result = await revokeKey(db, id);
        if (!result) throw new UserErrors([userError("NOT_FOUND", "No key has this id.", ["id"])]);
        await appendAudit(db, this.editorial.actor, { action: "apiKeyRevoke", recordType: "api_keys", recordId: id, before: withoutHash(result.before), after: withoutHash(result.after) });
        return { apiKey: asApiKey(result.after), userErrors: [] };
      });
    } catch (error) {
      if (error instanceof UserErrors) return { apiKey: null, userErrors: error.errors };
      throw error;
    }
  }
}

/** What these resolvers read of the request context (src/context.ts builds it, and imports this file for the service). */
interface KeysContext {
  viewer: Viewer;
  services: { keys: ApiKeyService };
}

@Resolver()
export class ApiKeyResolver {
  @Query(() => ViewerInfo, { description: "Who you are to this API: anonymous, or the role of your key." })
  viewer(@Ctx() { viewer }: KeysContext): ViewerInfo {
    return { role: viewer.role, keyName: viewer.keyName, seesWithheld: seesWithheld(viewer) };
  }

  @Query(() => [ApiKey], { description: "Every API key, revoked ones included (admin keys only)." })
  apiKeys(@Ctx() { services }: KeysContext) {
    return services.keys.list();
  }

  @Mutation(() => ApiKeyCreatePayload, { description: "Issues an API key (admin keys only). The secret is in the payload and never shown again. Audited." })
  apiKeyCreate(@Arg("input", () => ApiKeyCreateInput, { description: "Name and role." }) input: ApiKeyCreateInput, @Ctx() { services }: KeysContext) {
    return services.keys.create(input);
  }

  @Mutation(() => ApiKeyRevokePayload, { description: "Revokes an API key (admin keys only); the key row is kept with its revocation time. Audited." })
  apiKeyRevoke(@Arg("input", () => ApiKeyRevokeInput, { description: "The key." }) input: ApiKeyRevokeInput, @Ctx() { services }: KeysContext) {
    return services.keys.revoke(input);
  }
}
