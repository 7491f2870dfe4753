import { z } from 'zod';
import { selectorSchema } from '../schema/selector';
import { stageListSchema } from '../stages/registry';

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const idSchema = z.string().regex(ID, 'ids use letters, digits, _ and -, starting with a letter or _');

/** `pipelines.<id>` or `sinks.<id>`. */
export const targetSchema = z
  .string()
  .regex(/^(pipelines|sinks)\.[A-Za-z_][A-Za-z0-9_-]*$/, 'a target is `pipelines.<id>` or `sinks.<id>`')
  .describe('Where entries go next: `pipelines.<id>` or `sinks.<id>`.');

const targetListSchema = z.array(targetSchema).min(1);

export const serverSchema = z
  .strictObject({
    http_listen_address: z
      .string()
      .default('127.0.0.1')
      .describe("Address of the collector's own HTTP server (/metrics, /healthz, /readyz)."),
    http_listen_port: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(12345)
      .describe('Port of that server; 0 picks a free port.'),
    log_level: z
      .enum(['debug', 'info', 'warn', 'error'])
      .optional()
      .describe('Log level of `collector run` when `--log-level` is not given (default info).'),
  })
  .describe("The collector's own HTTP server.");

export const routeSchema = z.strictObject({
  selector: selectorSchema,
  forward_to: targetListSchema.describe('Targets for entries this route matches.'),
  continue: z
    .boolean()
    .default(false)
    .describe('Keep evaluating later routes after a match (fan-out) instead of stopping at the first.'),
});

export const pipelineSchema = z
  .strictObject({
    stages: stageListSchema.optional(),
    module: z
      .string()
      .regex(
        /^[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*$/,
        'a module use is `<import namespace>.<pipeline name>`',
      )
      .optional()
      .describe('Use a pipeline declared in an imported module: `<namespace>.<pipeline>`.'),
    arguments: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe("Values for the module's declared arguments (referenced there as `${args.NAME}`)."),
    forward_to: targetListSchema
      .optional()
      .describe('Send every entry leaving the pipeline to all these targets (all-or-nothing).'),
    routes: z
      .array(routeSchema)
      .min(1)
      .optional()
      .describe('Route entries by LogQL selector; the first match wins unless `continue: true`.'),
    default_forward_to: targetListSchema
      .optional()
      .describe('With routes: targets for entries no route matched (otherwise they are dropped and counted).'),
  })
  .superRefine((p, ctx) => {
    if ((p.stages === undefined) === (p.module === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a pipeline has exactly one of `stages` or `module`' });
    }
    if (p.arguments !== undefined && p.module === undefined) {
      ctx.addIssue({ code: 'custom', path: ['arguments'], message: '`arguments` is only valid with `module`' });
    }
    if ((p.forward_to === undefined) === (p.routes === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a pipeline has exactly one of `forward_to` or `routes`' });
    }
    if (p.default_forward_to !== undefined && p.routes === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['default_forward_to'],
        message: '`default_forward_to` is only valid with `routes`',
      });
    }
  });

/** The root keys; each source, pipeline and sink is then checked on its own so that every issue is reported. */
export const limitsSchema = z
  .strictObject({
    max_in_flight_bytes: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Bytes of request bodies all receivers (loki_push, otlp_http, otlp_grpc) may be receiving and decoding at once; over it they answer 429 / RESOURCE_EXHAUSTED with Retry-After, and a body larger than the whole limit gets 413. Default: a sixteenth of the V8 heap limit, within 32..512 MiB.',
      ),
  })
  .describe('Collector-wide limits.');

export const rootSchema = z.strictObject({
  server: serverSchema.prefault({}),
  limits: limitsSchema.prefault({}),
  storage_path: z
    .string()
    .min(1)
    .default('./data/collector')
    .describe('Folder for durable state (positions, disk queues); each component gets storage_path/<kind>/<id>.'),
  imports: z
    .record(idSchema, z.string().min(1))
    .default({})
    .describe('Module files by namespace, paths relative to this file.'),
  sources: z.record(idSchema, z.unknown()).default({}).describe('Sources by id.'),
  pipelines: z.record(idSchema, z.unknown()).default({}).describe('Pipelines by id.'),
  sinks: z.record(idSchema, z.unknown()).default({}).describe('Sinks by id.'),
});

/** A module file: declared arguments and named pipelines (their stages are checked per use). */
export const moduleFileSchema = z.strictObject({
  arguments: z
    .record(
      idSchema,
      z
        .strictObject({
          default: z
            .union([z.string(), z.number(), z.boolean()])
            .optional()
            .describe('Value when the user gives none; without it the argument is required.'),
          description: z.string().optional().describe('What the argument is for.'),
        })
        .nullable(),
    )
    .default({}),
  pipelines: z.record(
    idSchema,
    z.strictObject({ stages: z.array(z.unknown()).describe("The module pipeline's stages.") }),
  ),
});
