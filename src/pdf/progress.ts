export type ProgressCallback = (percent: number) => void | Promise<void>;

/**
 * Turns "pilot sections drawn" into whole percentages for a progress callback, reporting each
 * value once. Drawing the pilots takes most of a render, so it maps onto 0–99; 100 is reported
 * only once the PDF bytes exist.
 */
export class RenderProgress {
  private reported = -1;

  constructor(
    private readonly onProgress: ProgressCallback | undefined,
    private readonly totalPilots: number,
  ) {}

  async start(): Promise<void> {
    await this.report(0);
  }

  async pilotsDrawn(drawn: number): Promise<void> {
    if (this.totalPilots === 0) return;
    await this.report(Math.min(99, Math.floor((drawn * 100) / this.totalPilots)));
  }

  async finished(): Promise<void> {
    await this.report(100);
  }

  private async report(percent: number): Promise<void> {
    if (percent <= this.reported) return;
    this.reported = percent;
    await this.onProgress?.(percent);
  }
}

/** Lets queued I/O (such as a BullMQ lock renewal) run in the middle of a long synchronous render. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
