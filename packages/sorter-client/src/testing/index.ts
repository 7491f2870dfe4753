export { startFakeSorter, type FakeSorter, type FakeSorterMode } from './fake-sorter';
