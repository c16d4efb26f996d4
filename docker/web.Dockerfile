# syntax=docker/dockerfile:1
# Civitas web app (React/Vite) behind nginx, which also proxies the API (docker/nginx.conf).
# Build context: the repository root, e.g.
#   docker build -f docker/web.Dockerfile -t civitas-proxy .

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY apps ./apps
COPY libs ./libs
RUN npx nx run web:build

FROM nginx:1.27-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/web /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["wget", "-q", "--spider", "http://127.0.0.1/"]
