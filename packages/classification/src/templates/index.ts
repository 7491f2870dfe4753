export { createTemplateMiner } from './drain';
export type { TemplateMiner, TemplateMinerOptions, TemplateMatch } from './drain';
export { maskTokens, WILDCARD } from './masking';
export { templateIdOf } from './template-id';
