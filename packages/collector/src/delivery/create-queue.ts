import * as path from 'node:path';
import type { Logger } from '../component';
import type { QueueConfig } from './config';
import type { DeliveryQueue } from './queue';
import { createDiskQueue } from './queue-disk';
import { createMemoryQueue } from './queue-memory';

/** Builds the queue a sink's `queue:` block asks for; a disk queue lives in `<dataDir>/queue`. */
export function createQueue(config: QueueConfig, dataDir: string, logger: Logger): DeliveryQueue {
  if (config.type === 'memory') return createMemoryQueue({ capacityBytes: config.capacity_bytes });
  return createDiskQueue({
    dir: path.join(dataDir, 'queue'),
    capacityBytes: config.capacity_bytes,
    fsync: config.fsync,
    segmentBytes: config.segment_bytes,
    onCorruption: (file, offset, lostBytes) =>
      logger.warn('disk queue: cut off a torn or corrupt tail', { file, offset, lostBytes }),
  });
}
