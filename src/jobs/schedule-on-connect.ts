import type { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * Runs `register` now and every time the queue's Redis connection becomes ready again: a
 * restarted Redis may have lost job schedulers and queued jobs, so they are put back at once.
 */
export async function registerOnEveryConnect(queue: Queue, logger: Logger, what: string, register: () => Promise<void>): Promise<void> {
  const run = async () => {
    try {
      await register();
    } catch (error) {
      logger.warn(`Could not schedule ${what} yet: ${(error as Error).message}`);
    }
  };
  const client = await queue.getBackend().client;
  client.on('ready', () => void run());
  await run();
}
