# Production image: the service against an external PostgreSQL (DATABASE_URL), on Node.js 22 LTS.
# It holds the compiled service and its migrations, and the production dependencies only: no embedded
# PostgreSQL (a development dependency) and no benchmark.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/migrations ./dist/migrations
USER node
EXPOSE 3000
# On the port the service listens on ($PORT, also when set at `docker run`).
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The first administrator (any command of dist/src/**/*.cli.js runs the same way):
#   docker run --rm -e DATABASE_URL=postgres://... <image> node dist/src/users/create-admin.cli.js --email admin@example.com
CMD ["node", "--max-semi-space-size=16", "dist/src/main.js"]
