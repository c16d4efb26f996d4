import { DocumentOwnerKind } from '@civitas/shared/domain';
import { DocumentAccessRegistry } from '@civitas/api/documents';
import { GroupsModule } from '@civitas/api/groups';
import { OpinionsModule } from '@civitas/api/opinions';
import { PositionsModule } from '@civitas/api/positions';
import { PracticesModule } from '@civitas/api/practices';
import { TestApp } from '@civitas/api/testing';
import { TribunalModule } from '@civitas/api/tribunal';

/**
 * Every owner kind is registered by the app's domains and locks its owner for an upload's
 * final step, so an upload never outlives its owner (or its uploader's access) as an orphan.
 */
describe('document owner kinds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start([
      GroupsModule,
      OpinionsModule,
      PositionsModule,
      PracticesModule,
      TribunalModule,
    ]);
  });
  afterAll(() => t.close());

  it.each(Object.values(DocumentOwnerKind))('%s is registered with a lockOwner', (kind) => {
    const checker = t.app.get(DocumentAccessRegistry).checker(kind);
    expect(checker).toBeDefined();
    expect(typeof checker?.lockOwner).toBe('function');
  });
});
