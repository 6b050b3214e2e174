import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { type DatasetService } from "./dataset.service.js";

@ObjectType({ description: "What this instance serves: real records, or the illustrative sample data set." })
export class Dataset {
  @Field(() => Boolean, { description: "True when the data is the illustrative sample (示例數據): a real city's places and bodies, invented decisions. Never cite it as fact." })
  illustrativeSample!: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day the sample was loaded (China Standard Time): its decisions in progress and its history are dated from it. Null for real records." })
  sampleLoadedOn!: string | null;

  @Field(() => String, { nullable: true, description: "The notice to show wherever the sample is shown (Chinese); null for real records." })
  notice!: string | null;

  @Field(() => String, { nullable: true, description: "The same notice in English; null for real records." })
  noticeEnglish!: string | null;
}

/** What these resolvers read of the request context. */
interface DatasetContext {
  services: { dataset: DatasetService };
}

@Resolver()
export class DatasetResolver {
  @Query(() => Dataset, { description: "About the data this instance serves: whether it is the illustrative sample." })
  dataset(@Ctx() { services }: DatasetContext): Promise<Dataset> {
    return services.dataset.info();
  }
}
