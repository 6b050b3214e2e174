# The API as one image: the same build serves every instance, runs the migrate step and loads the
# sample data when asked. Build: docker build -t decision-disclosure-api .
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
# Runtime dependencies only (tsx among them, for `npm run migrate` and `npm run seed`).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
COPY src ./src
COPY seeds ./seeds
COPY schema ./schema
COPY docs ./docs
COPY tsconfig.json ./
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
USER node
EXPOSE 4000
# Stop: SIGTERM, answered by finishing the requests in flight (see src/operations/shutdown.ts).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js"]
