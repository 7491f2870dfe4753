export { createRandom, type Random } from './random';
export { createTransactionLines, DEFAULT_METHODS, type TransactionMix, type GeneratedLine } from './transaction-line';
export { parseOptions, OptionError, USAGE, type GeneratorOptions } from './options';
export { generate, main } from './cli';
