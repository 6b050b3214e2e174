import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Region } from "../regions/region.type.js";
import { type KindContext } from "../store/kind-context.js";
import { VillageCommitteeMember, VillageConsultation, VillageConsultationStep } from "./village-consultation.type.js";

type Parent = VillageConsultation & { rowId: string };

@Resolver(() => VillageConsultation)
export class VillageConsultationResolver {
  @FieldResolver(() => Region, { nullable: true, description: "The town, village or villager group where the consultation was held. Null when not recorded." })
  region(@Root() consultation: Parent, @Ctx() { services }: KindContext) {
    return services.nodes.load("Region", consultation.regionId);
  }

  @FieldResolver(() => [VillageCommitteeMember], { description: 'The consultation committee by kind of member ("1+N+X"), in that order.' })
  committee(@Root() consultation: Parent, @Ctx() { services }: KindContext) {
    return services.nodes.childRows("villageConsultationMembers", "villageConsultationId", consultation.rowId);
  }

  @FieldResolver(() => [VillageConsultationStep], { description: "The steps taken, by date (五步五单)." })
  steps(@Root() consultation: Parent, @Ctx() { services }: KindContext) {
    return services.nodes.childRows("villageConsultationSteps", "villageConsultationId", consultation.rowId);
  }
}
