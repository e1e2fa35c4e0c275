FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY gis-data/package.json gis-data/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build --workspace frontend
EXPOSE 3000
CMD ["npx", "tsx", "backend/src/main.ts"]
