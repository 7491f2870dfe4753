/** The parsed form of a Go text/template: built once at config load, walked per line. */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipeline: Pipeline }
  | { kind: 'if'; branches: Array<{ condition: Pipeline; body: TemplateNode[] }>; otherwise: TemplateNode[] };

/** Commands joined by `|`; each command's result becomes the last argument of the next. */
export type Pipeline = Command[];

/** A function call (`fn a b`) or a single operand. */
export type Command = { kind: 'call'; name: string; args: Operand[] } | { kind: 'operand'; operand: Operand };

export type Operand =
  | { kind: 'field'; path: string[] }
  | { kind: 'dot' }
  | { kind: 'literal'; value: string | number | boolean | undefined }
  | { kind: 'pipeline'; pipeline: Pipeline };
