import { type FastifyInstance, type FastifyRequest } from "fastify";
import { html, type Html } from "./html.js";
import { PublicApi } from "./public-api.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The banner of every page while the instance serves the illustrative sample; empty otherwise. */
    sampleBanner?: (request: FastifyRequest) => Promise<Html | null>;
  }
}

const DATASET_QUERY = "{ dataset { illustrativeSample } }";

interface Dataset {
  illustrativeSample: boolean;
}

/** Asks the public API, as for any page, whether the data is the sample; a page is shown without the banner if it cannot say. */
export function provideSampleBanner(app: FastifyInstance, pass: () => string): void {
  app.decorate("sampleBanner", async (request: FastifyRequest) => {
    try {
      const { dataset } = await new PublicApi(app, request, pass()).query<{ dataset: Dataset }>(DATASET_QUERY);
      return dataset.illustrativeSample ? banner() : null;
    } catch {
      return null;
    }
  });
}

/** Short, so that a phone still shows the results on its first screen; the API's `dataset.notice` says it at length. */
function banner(): Html {
  return html`<p class="sample-data" role="note"><strong>示例數據</strong>：城市真實，決策為虛構。 <span lang="en">Illustrative sample: real city, invented decisions.</span></p>`;
}
