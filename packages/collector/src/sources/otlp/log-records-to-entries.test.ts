import { codecs } from '../../protocols/otlp/codec';
import { createLogRecordConverter, logMappingSchema, severityFromNumber } from './log-records-to-entries';

const request = (record: Record<string, unknown>) =>
  codecs.logs.decodeJson(
    JSON.stringify({
      resourceLogs: [
        {
          resource: {
            attributes: [
              { key: 'service.name', value: { stringValue: 'shop' } },
              { key: 'deployment.environment', value: { stringValue: 'prod' } },
              { key: 'host.name', value: { stringValue: 'node-1' } },
              { key: '9lives', value: { stringValue: 'cat' } },
            ],
          },
          scopeLogs: [{ scope: { name: 'shop.http' }, logRecords: [record] }],
        },
      ],
    }),
  );

describe('createLogRecordConverter', () => {
  test.each([
    [
      'keeps the default labels and copies every attribute when the config is empty',
      {},
      {
        body: { stringValue: 'hi' },
        timeUnixNano: '5',
        attributes: [{ key: 'http.route', value: { stringValue: '/cart' } }],
      },
      {
        timestampNs: 5n,
        line: 'hi',
        labels: { service_name: 'shop', deployment_environment: 'prod' },
        structuredMetadata: { http_route: '/cart', scope_name: 'shop.http' },
        extracted: { http_route: '/cart' },
      },
    ],
    [
      'uses the listed resource attributes and sanitises a leading digit when labels_from_resource is set',
      { labels_from_resource: ['host.name', '9lives'] },
      { body: { stringValue: 'x' }, timeUnixNano: '1' },
      {
        labels: { host_name: 'node-1', _9lives: 'cat' },
      },
    ],
    [
      'copies only listed attributes when structured_metadata_from_attributes names them',
      { structured_metadata_from_attributes: ['a'] },
      {
        timeUnixNano: '1',
        attributes: [
          { key: 'a', value: { intValue: '1' } },
          { key: 'b', value: { boolValue: true } },
        ],
      },
      {
        structuredMetadata: { a: '1', scope_name: 'shop.http' },
        extracted: { a: '1', b: 'true' },
      },
    ],
    [
      'adds non-label resource attributes when structured_metadata_from_resource is "*"',
      { structured_metadata_from_resource: ['*'] },
      { timeUnixNano: '1' },
      {
        structuredMetadata: { host_name: 'node-1', _9lives: 'cat', scope_name: 'shop.http' },
      },
    ],
    [
      'derives severity text from the number when the record has no severity text',
      {},
      { timeUnixNano: '1', severityNumber: 21 },
      {
        structuredMetadata: { severity_text: 'fatal', severity_number: '21', scope_name: 'shop.http' },
      },
    ],
    [
      'renders a map body as JSON with bigint-safe numbers',
      {},
      {
        timeUnixNano: '1',
        body: {
          kvlistValue: {
            values: [
              { key: 'big', value: { intValue: '9007199254740993' } },
              { key: 'list', value: { arrayValue: { values: [{ doubleValue: 1.5 }] } } },
            ],
          },
        },
      },
      {
        line: '{"big":"9007199254740993","list":[1.5]}',
      },
    ],
  ])('%s', (_name, config, record, expected) => {
    const convert = createLogRecordConverter(logMappingSchema.parse(config), () => 99n);
    expect(convert(request(record))[0]).toMatchObject(expected);
  });

  test('falls back to the receive time when the record has neither time nor observed time', () => {
    const convert = createLogRecordConverter(logMappingSchema.parse({}), () => 99n);
    expect(convert(request({ body: { stringValue: 'x' } }))[0].timestampNs).toBe(99n);
  });

  test.each([
    [0, ''],
    [1, 'trace'],
    [8, 'debug'],
    [9, 'info'],
    [13, 'warn'],
    [17, 'error'],
    [24, 'fatal'],
    [25, ''],
  ])('names severity number %i as %p', (n, text) => {
    expect(severityFromNumber(n)).toBe(text);
  });
});
