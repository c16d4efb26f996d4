import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PermissionGuard } from './auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordResetToken } from './password-reset-token.entity';
import { PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.entity';
import { SessionService } from './session.service';
import { User } from './user.entity';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([User, RefreshToken, PasswordResetToken]),
  ],
  providers: [
    AuthService,
    AuthResolver,
    SessionService,
    PasswordService,
    LoginThrottleService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [SessionService, PasswordService, TypeOrmModule],
})
export class AuthModule {}
