# The ai-sorter. Build from the repository root (legacy builder and BuildKit alike; no `# syntax=` line, so BuildKit
# needs no frontend image from a registry):
#   docker build -f deploy/docker/ai-sorter.Dockerfile -t telemetry-sorter/ai-sorter .

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
 && pnpm turbo run build --filter=@obs/ai-sorter... \
 && pnpm --filter=@obs/ai-sorter --prod deploy --legacy /out

FROM node:20-bookworm-slim
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="ai-sorter" \
      org.opencontainers.image.description="Classifies telemetry by severity and category: LLM behind PII redaction, rate limiter and circuit breaker, rules fallback" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=root:root /out /app
ENV NODE_ENV=production PORT=8080
USER node
EXPOSE 8080
# Liveness endpoint of the service itself; no curl in the image, node's fetch does it.
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server.js"]
