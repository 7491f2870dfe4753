export { compileTemplate, type CompiledTemplate, type TemplateScope } from './compile';
export { TemplateExecError } from './functions';
export { TemplateSyntaxError } from './parse';
