export interface TestDuration {
  name: string;
  ms: number;
}
export function vitestDurations(report: unknown): TestDuration[];
export function playwrightDurations(report: unknown): TestDuration[];
export function slowest(durations: TestDuration[], count?: number): TestDuration[];
export function slowestLines(unitPath: string, e2ePath: string, count?: number): string[];
