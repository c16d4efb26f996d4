import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatMessage } from './chat-message.entity';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { ChatPersonalData } from './chat.personal-data';

/** Working groups' live chat, over the realtime namespace (needs `RealtimeModule`). */
@Module({
  imports: [TypeOrmModule.forFeature([ChatMessage])],
  providers: [ChatPersonalData, ChatService, ChatGateway],
  exports: [ChatService],
})
export class ChatModule {}
