import { workerData } from 'node:worker_threads';
import { serveTasks } from '../workers/serve-tasks';
import { encodeLines, type LinesOnWire } from './line-wire';
import { createItemTools, redactItems, type IncomingItem, type ItemToolOptions } from './prepare';

// A worker thread of the item preparer: runs the stateless per-item step over the chunks of batches it is sent.
const tools = createItemTools(workerData as ItemToolOptions);
// Items come as one JSON string (cheaper to post than their structured clone); lines go back as one flat array.
serveTasks((chunk: string): LinesOnWire => encodeLines(redactItems(JSON.parse(chunk) as IncomingItem[], tools)));
