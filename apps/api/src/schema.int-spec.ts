import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { TestApp } from '@civitas/api/testing';
import { AccountsModule } from '@civitas/api/accounts';
import { EventsModule } from '@civitas/api/events';
import { GroupsModule } from '@civitas/api/groups';
import { NewsletterModule } from '@civitas/api/newsletter';
import { NotificationsModule } from '@civitas/api/notifications';
import { OpinionsModule } from '@civitas/api/opinions';
import { OrganisationsModule } from '@civitas/api/organisations';
import { PositionsModule } from '@civitas/api/positions';
import { PracticesModule } from '@civitas/api/practices';
import { PrivacyModule } from '@civitas/api/privacy';
import { TribunalModule } from '@civitas/api/tribunal';

const COMMITTED = join(__dirname, '..', 'schema.graphql');

/**
 * The committed schema is the contract the web's generated types come from. This test
 * fails when the code's schema drifts from it; `UPDATE_SCHEMA=1 npm test` rewrites it.
 */
describe('GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start([
      AccountsModule,
      OrganisationsModule,
      GroupsModule,
      NotificationsModule,
      OpinionsModule,
      PracticesModule,
      TribunalModule,
      EventsModule,
      NewsletterModule,
      PrivacyModule,
      PositionsModule,
    ]);
  });
  afterAll(() => t.close());

  it('matches apps/api/schema.graphql', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const printed = printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === '1' || !existsSync(COMMITTED))
      writeFileSync(COMMITTED, printed);
    expect(printed).toBe(readFileSync(COMMITTED, 'utf8'));
  });
});
