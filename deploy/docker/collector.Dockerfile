# The collector. Build from the repository root (legacy builder and BuildKit alike; no `# syntax=` line, so BuildKit
# needs no frontend image from a registry):
#   docker build -f deploy/docker/collector.Dockerfile -t telemetry-sorter/collector .

FROM node:20-bookworm-slim AS build
# pnpm as package.json's packageManager pins it (test/deploy/dockerfiles.test.ts keeps the two in step).
ARG PNPM_VERSION=10.34.9
ENV TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 CI=true
RUN npm install -g pnpm@${PNPM_VERSION}
WORKDIR /src
# Dependencies from the lockfile alone: a source change leaves this layer (every package in the store) cached.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline \
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
# The default config (OTLP and Loki push in, stdout out); mount your own file over it.
COPY deploy/docker/collector/config.yaml /etc/collector/config.yaml
# The only writable path: positions, disk queues and the default config's OTLP files.
RUN mkdir -p /var/lib/collector && chown node:node /var/lib/collector
VOLUME ["/var/lib/collector"]
ENV NODE_ENV=production
USER node
EXPOSE 4317 4318 3500 12345
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:12345/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# bin/collector.js calls main() of dist/cli.js (which only exports it) and turns on the linear regexp fallback.
# bin/collector.js sets --max-semi-space-size=4 on its #! line; started through node, it must be given here.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--max-semi-space-size=4", "bin/collector.js"]
CMD ["run", "-c", "/etc/collector/config.yaml"]
