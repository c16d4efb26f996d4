import { loadConfig } from './config';

describe('loadConfig', () => {
  it('runs with no variables at all in development', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.demoSeed).toBe(true);
  });

  it('names a malformed variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a URL starting with postgres:\/\/ or postgresql:\/\//,
    );
  });

  it('names every variable production requires', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: is required in production[\s\S]*DATABASE_URL[\s\S]*SMTP_URL[\s\S]*APP_URL/,
    );
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32/);
  });

  it('allows sockets from APP_URL, REALTIME_ORIGINS and, in development, the Vite server', () => {
    expect(loadConfig({}).realtimeOrigins).toEqual([
      'http://localhost:3000',
      'http://localhost:4200',
    ]);
    expect(
      loadConfig({
        NODE_ENV: 'test',
        APP_URL: 'https://civitas.example.pl/app',
        REALTIME_ORIGINS: ' https://intranet.example.pl , http://10.0.0.5:8080',
      }).realtimeOrigins,
    ).toEqual([
      'https://civitas.example.pl',
      'https://intranet.example.pl',
      'http://10.0.0.5:8080',
    ]);
    expect(() => loadConfig({ REALTIME_ORIGINS: 'https://example.pl/path' })).toThrow(
      /REALTIME_ORIGINS: must be a comma-separated list of origins/,
    );
  });
});
