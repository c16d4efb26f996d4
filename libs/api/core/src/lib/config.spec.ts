import { Clock } from './clock';
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

  describe('CLOCK_FIXED_AT', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      DATABASE_URL: 'postgresql://civitas@db/civitas',
      SMTP_URL: 'smtp://mail.example.pl',
      APP_URL: 'https://civitas.example.pl',
    };

    it('fixes "now" outside production', () => {
      const config = loadConfig({ NODE_ENV: 'test', CLOCK_FIXED_AT: '2025-04-17T07:00:00+02:00' });
      expect(config.clockFixedAt?.toISOString()).toBe('2025-04-17T05:00:00.000Z');
      expect(loadConfig({ CLOCK_FIXED_AT: '' }).clockFixedAt).toBeUndefined();
      expect(new Clock(config.clockFixedAt).now().toISOString()).toBe('2025-04-17T05:00:00.000Z');
    });

    it('is refused in production, and production runs without it', () => {
      expect(() => loadConfig({ ...production, CLOCK_FIXED_AT: '2025-04-17T07:00:00Z' })).toThrow(
        /CLOCK_FIXED_AT: must not be set in production/,
      );
      expect(loadConfig(production).clockFixedAt).toBeUndefined();
    });

    it('wants an instant with its zone', () => {
      for (const bad of ['2025-04-17', '2025-04-17T07:00:00', 'yesterday', '2025-02-30T07:00Z']) {
        expect(() => loadConfig({ CLOCK_FIXED_AT: bad })).toThrow(
          /CLOCK_FIXED_AT: must be an ISO 8601 instant/,
        );
      }
    });
  });
});
