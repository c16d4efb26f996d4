import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { Clock } from './clock';
import { APP_CONFIG, AppConfig } from './config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.clockFixedAt) {
      new Logger('Clock').warn(
        `CLOCK_FIXED_AT: date rules take "now" as ${config.clockFixedAt.toISOString()}`,
      );
    }
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: new Clock(config.clockFixedAt) },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
