import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@civitas/api/accounts';
import { ChatModule } from '@civitas/api/chat';
import { DocumentsModule } from '@civitas/api/documents';
import { EventsModule } from '@civitas/api/events';
import { GroupsModule } from '@civitas/api/groups';
import { NotificationsModule } from '@civitas/api/notifications';
import { OpinionsModule } from '@civitas/api/opinions';
import { OrganisationsModule } from '@civitas/api/organisations';
import { PlatformModule, PlatformOptions } from '@civitas/api/platform';
import { PositionsModule } from '@civitas/api/positions';
import { PracticesModule } from '@civitas/api/practices';
import { PrivacyModule } from '@civitas/api/privacy';
import { RealtimeModule } from '@civitas/api/realtime';
import { TribunalModule } from '@civitas/api/tribunal';
import { NewsletterModule } from '@civitas/api/newsletter';

/** The platform plus every domain. A new domain module is added here. */
@Module({})
export class AppModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options),
        DocumentsModule,
        AccountsModule,
        OrganisationsModule,
        GroupsModule,
        NotificationsModule,
        OpinionsModule,
        RealtimeModule,
        ChatModule,
        PracticesModule,
        TribunalModule,
        NewsletterModule,
        PrivacyModule,
        PositionsModule,
        EventsModule,
      ],
    };
  }
}
