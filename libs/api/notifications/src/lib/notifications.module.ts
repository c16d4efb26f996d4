import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './notification.entity';
import { NotificationDigestScheduler } from './notification-digest.scheduler';
import { NotificationDigestService } from './notification-digest.service';
import { NotificationListeners } from './notification.listeners';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NotificationsPersonalData } from './notifications.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [
    NotificationsPersonalData,
    NotificationsService,
    NotificationDigestService,
    NotificationDigestScheduler,
    NotificationListeners,
    NotificationsResolver,
  ],
})
export class NotificationsModule {}
