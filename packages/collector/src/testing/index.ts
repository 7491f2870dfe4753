export { createMemoryConsumer, type MemoryConsumer } from './memory-consumer';
export { createFailingConsumer, type FailingConsumer } from './failing-consumer';
export {
  LokiPushReceiver,
  type ReceivedEntry,
  type ReceivedRequest,
  type FailureScript,
  type LokiPushReceiverOptions,
} from './loki-push-receiver';
export { waitFor } from '@obs/schema/testing';
export { createStageHarness, stageConfigIssues, testEntry, silentLogger, type StageHarness } from './stage-harness';
export { expectStageCompliance, type StageComplianceOptions } from './stage-compliance';
export { OtlpTestReceiver, type ReceivedExport, type ScriptedAnswer } from './otlp-test-receiver';
export { countEventLoopTurns, type EventLoopTurns } from './event-loop-turns';
