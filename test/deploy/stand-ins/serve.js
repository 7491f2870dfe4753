'use strict';
// Test doubles for the compose check, each the project's own and named for what it is; none is the real thing:
//   loki-receiver   decodes Loki push (the collector's LokiPushReceiver); not Loki
//   otlp-receiver   decodes OTLP/HTTP (the collector's OtlpTestReceiver); not Tempo
//   llm-stub        answers OpenAI chat completions (the ai-sorter's fake LLM server); not an LLM
// Usage: node serve.js NAME PORT INSPECT_PORT. The doubles listen on loopback only, so PORT forwards to them;
// INSPECT_PORT answers GET /ready and GET /received (what the double got, as JSON) for the test.
const http = require('node:http');
const net = require('node:net');

const [name, port, inspectPort] = process.argv.slice(2);

/** Starts one double; returns its loopback port and a function that lists what it received. */
async function startDouble() {
  if (name === 'loki-receiver') {
    const { LokiPushReceiver } = require('/app/dist/testing/loki-push-receiver.js');
    const receiver = await LokiPushReceiver.start();
    return { port: receiver.port, received: () => receiver.entries };
  }
  if (name === 'otlp-receiver') {
    const { OtlpTestReceiver } = require('/app/dist/testing/otlp-test-receiver.js');
    const receiver = new OtlpTestReceiver();
    const url = await receiver.start();
    return { port: Number(new URL(url).port), received: () => receiver.received.map((r) => ({ signal: r.signal })) };
  }
  if (name === 'llm-stub') {
    const { startFakeLlmServer } = require('./fake-llm-server.js');
    const server = await startFakeLlmServer();
    return {
      port: Number(new URL(server.baseUrl).port),
      received: () => server.calls.map((c) => ({ model: c.model, items: c.items })),
    };
  }
  throw new Error(`unknown double ${JSON.stringify(name)}: loki-receiver, otlp-receiver or llm-stub`);
}

async function main() {
  const double = await startDouble();
  const forward = net.createServer((client) => {
    const upstream = net.connect(double.port, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  forward.listen(Number(port), '0.0.0.0');
  const inspect = http.createServer((req, res) => {
    if (req.url === '/ready') return void res.writeHead(200).end('ready');
    if (req.url !== '/received') return void res.writeHead(404).end();
    const body = JSON.stringify(double.received(), (_key, value) =>
      typeof value === 'bigint' ? String(value) : value,
    );
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  inspect.listen(Number(inspectPort), '0.0.0.0');
  const stop = () => {
    forward.close();
    inspect.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${name} (a test double) on :${port}, inspect on :${inspectPort}\n`);
}

main().catch((err) => {
  process.stderr.write(`${name}: ${err.stack}\n`);
  process.exit(1);
});
