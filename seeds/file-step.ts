import { type RecordWriter } from "../src/records/record-writer.js";

/** One dated write of a decision's file: what was recorded at that moment. */
export interface FileStep {
  at: Date;
  write(writer: RecordWriter): Promise<void>;
}

/** A time of day in China Standard Time, where the sample's bodies keep their records. */
export const onDay = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/** Earliest first; steps at the same moment keep the order they were planned in (a record before its children). */
export function stepsInOrder(steps: readonly FileStep[]): FileStep[] {
  return [...steps].sort((a, b) => a.at.getTime() - b.at.getTime());
}
