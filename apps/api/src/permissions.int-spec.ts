import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { REALTIME_EVENT_PERMISSIONS } from '@civitas/shared/domain';
import { AccountsModule } from '@civitas/api/accounts';
import { ChatModule } from '@civitas/api/chat';
import { EventsModule } from '@civitas/api/events';
import { GroupsModule } from '@civitas/api/groups';
import { NewsletterModule } from '@civitas/api/newsletter';
import { NotificationsModule } from '@civitas/api/notifications';
import { OpinionsModule } from '@civitas/api/opinions';
import { PERMISSION_KEY, PUBLIC_KEY } from '@civitas/api/auth';
import { OrganisationsModule } from '@civitas/api/organisations';
import { PositionsModule } from '@civitas/api/positions';
import { PracticesModule } from '@civitas/api/practices';
import { PrivacyModule } from '@civitas/api/privacy';
import { RealtimeModule, realtimeEventsOf } from '@civitas/api/realtime';
import { TestApp } from '@civitas/api/testing';
import { TribunalModule } from '@civitas/api/tribunal';

/**
 * Every GraphQL operation, HTTP route and socket event with the permission it requires. A change to
 * the snapshot is a change of who can do what: review it as such.
 */
describe('permission map of every operation', () => {
  let t: TestApp;
  let operations: Record<string, string>;

  beforeAll(async () => {
    t = await TestApp.start([
      DiscoveryModule,
      AccountsModule,
      OrganisationsModule,
      GroupsModule,
      NotificationsModule,
      OpinionsModule,
      RealtimeModule,
      ChatModule,
      PracticesModule,
      TribunalModule,
      EventsModule,
      NewsletterModule,
      PrivacyModule,
      PositionsModule,
    ]);
    const discovery = t.app.get(DiscoveryService);
    operations = {};
    const wrappers = [...discovery.getProviders(), ...discovery.getControllers()];
    for (const wrapper of wrappers) {
      const prototype = wrapper.metatype?.prototype;
      if (!wrapper.instance || !prototype) continue;
      const classPath: string | undefined = Reflect.getMetadata(PATH_METADATA, wrapper.metatype!);
      for (const name of Object.getOwnPropertyNames(prototype)) {
        // Read descriptors: touching a getter on a prototype would run it.
        const handler: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const gqlType: string | undefined = Reflect.getMetadata('graphql:resolver_type', handler);
        const httpMethod: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        let key: string | undefined;
        if (gqlType === 'Query' || gqlType === 'Mutation' || gqlType === 'Subscription') {
          key = `${gqlType}.${Reflect.getMetadata('graphql:resolver_name', handler) ?? name}`;
        } else if (httpMethod !== undefined && classPath !== undefined) {
          const path = [classPath, Reflect.getMetadata(PATH_METADATA, handler)]
            .filter((p) => p && p !== '/')
            .join('/');
          key = `${RequestMethod[httpMethod]} /${path}`;
        }
        if (!key) continue;
        const permission = Reflect.getMetadata(PERMISSION_KEY, handler);
        operations[key] = Reflect.getMetadata(PUBLIC_KEY, handler)
          ? 'public'
          : (permission ?? 'NONE — refused to all');
      }
    }
    // Socket events: the handshake has authenticated the person; then each event's own.
    for (const handler of realtimeEventsOf(t.app)) {
      operations[`socket ${handler.event}`] = handler.permission ?? 'signed in';
    }
  });
  afterAll(() => t.close());

  it('covers every Query and Mutation of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ];
    expect(
      Object.keys(operations)
        .filter((k) => k.startsWith('Query.') || k.startsWith('Mutation.'))
        .sort(),
    ).toEqual(fields.sort());
  });

  it('handles every socket event of the shared contract, and no other', () => {
    expect(
      Object.keys(operations)
        .filter((k) => k.startsWith('socket '))
        .map((k) => k.slice('socket '.length))
        .sort(),
    ).toEqual(Object.keys(REALTIME_EVENT_PERMISSIONS).sort());
  });

  it('declares a permission (or public) for each one', () => {
    expect(Object.entries(operations).filter(([, p]) => p.startsWith('NONE'))).toEqual([]);
  });

  it('matches the reviewed snapshot', () => {
    expect(
      Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))),
    ).toMatchSnapshot();
  });
});
