import { workerData } from 'node:worker_threads';
import { serveTasks } from '../workers/serve-tasks';
import { createItemTools, redactItem, type IncomingItem, type ItemToolOptions, type RedactedLine } from './prepare';

// A worker thread of the item preparer: runs the stateless per-item step over the chunks of batches it is sent.
const tools = createItemTools(workerData as ItemToolOptions);
// JSON both ways: one string is far cheaper to post and receive than the structured clone of many small objects.
serveTasks((chunk: string): string => JSON.stringify((JSON.parse(chunk) as IncomingItem[]).map((item): RedactedLine => redactItem(item, tools))));
