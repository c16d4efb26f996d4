import { PersonalDataContributor, PersonalDataRegistry } from './personal-data.registry';

const contributor = (section: string): PersonalDataContributor => ({
  section,
  export: async () => ({ data: { section } }),
  erase: async () => undefined,
});

describe('PersonalDataRegistry', () => {
  it('lists contributors by section, whatever order modules started in', () => {
    const registry = new PersonalDataRegistry();
    ['tribunal', 'forum', 'chat'].forEach((s) => registry.register(contributor(s)));
    expect(registry.all().map((c) => c.section)).toEqual(['chat', 'forum', 'tribunal']);
  });

  it('refuses a section registered twice (two domains would overwrite each other in the export)', () => {
    const registry = new PersonalDataRegistry();
    registry.register(contributor('forum'));
    expect(() => registry.register(contributor('forum'))).toThrow(/registered twice/);
  });
});
