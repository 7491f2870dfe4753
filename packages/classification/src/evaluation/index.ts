export { parseCsv, parseCsvRecords } from './csv';
export { groupingAccuracy } from './grouping-accuracy';
