import { type StartOptions, TestApi } from "./api.js";

/**
 * A test server whose clock stands at noon, China Standard Time, on the last day of the sample
 * data's latest public consultation: a day on which that consultation takes comments.
 */
export async function startOnConsultationDay(options: Omit<StartOptions, "clock"> = {}): Promise<{ api: TestApi; day: string }> {
  let day = "2000-01-01";
  const api = await TestApi.start({ ...options, clock: () => new Date(`${day}T04:00:00Z`) });
  const [latest] = await api.database.query<{ day: string }>("SELECT max(closes_on)::text AS day FROM disclosure.consultations");
  day = latest!.day;
  return { api, day };
}
