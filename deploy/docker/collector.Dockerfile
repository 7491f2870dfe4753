# syntax=docker/dockerfile:1
# The collector. Build from the repository root:
#   docker build -f deploy/docker/collector.Dockerfile -t telemetry-sorter/collector .

FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm install -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm turbo run build --filter=@obs/collector... \
 && pnpm --filter=@obs/collector --prod deploy --legacy /out

FROM node:20-bookworm-slim
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="collector" \
      org.opencontainers.image.description="Alloy-compatible log pipeline with OTLP and Loki push receivers, classification by the ai-sorter, Loki/Prometheus/OTLP sinks" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=root:root /out /app
# The only writable paths: positions and disk queues, and the config mount point stays read-only.
RUN mkdir -p /var/lib/collector && chown node:node /var/lib/collector
VOLUME ["/var/lib/collector"]
ENV NODE_ENV=production COLLECTOR_STORAGE_PATH=/var/lib/collector
USER node
EXPOSE 4317 4318 3500 12345
HEALTHCHECK --interval=15s --timeout=3s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:12345/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--enable-experimental-regexp-engine-on-excessive-backtracks", "dist/cli.js"]
CMD ["run", "-c", "/etc/collector/config.yaml"]
