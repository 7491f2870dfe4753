export { startLiveView, type LiveView, type LiveViewOptions } from './live-view';
export { buildTopModel, renderTop, topMetrics, type TopModel, type Scrape } from './view';
export { parsePrometheusText, sumBy, total, type Sample } from './prometheus-text';
