import { GroupVisibility, Role } from '@civitas/shared/domain';
import { UpdateWorkingGroupDocument } from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { EditGroupPanel } from './CoordinatorTools';
import { CreateGroupPage } from './CreateGroupPage';
import { renderPage, signedInAs } from './testing';

const group = {
  id: 'g2',
  name: 'Edukacja',
  topic: 'Oświata samorządowa',
  description: 'Sieć szkół.',
  visibility: GroupVisibility.REQUEST,
  openToGuests: true,
};
const input = {
  name: 'Edukacja i wychowanie',
  topic: 'Oświata samorządowa',
  description: 'Sieć szkół.',
  visibility: GroupVisibility.SECRET,
  openToGuests: false,
  reason: null,
};
function refused(code: string, fields: object[] = []) {
  return {
    request: { query: UpdateWorkingGroupDocument, variables: { id: 'g2', input } },
    result: { errors: [new GraphQLError('refused', { extensions: { code, fields } })] },
  };
}

describe('CreateGroupPage', () => {
  it('checks the name, the topic and the coordinators before calling the API', async () => {
    renderPage(<CreateGroupPage />, {
      path: '/groups/new',
      session: signedInAs(Role.OFFICE_ADMIN, { name: 'Anna Nowak' }),
    });
    expect(document.title).toBe('Nowa grupa robocza · Civitas');
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz grupę' }));
    const [summary] = await screen.findAllByRole('alert');
    expect(within(summary).getByText('Nazwa: To pole jest wymagane.')).toBeTruthy();
    expect(within(summary).getByText('Temat: To pole jest wymagane.')).toBeTruthy();
    expect(
      within(summary).getByText('Koordynatorzy: Wybierz co najmniej jednego koordynatora.'),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Nazwa/ }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });
});

describe('EditGroupPanel', () => {
  it('translates the API field errors and a taken name, never opens a secret group to guests, and saves', async () => {
    const onDone = vi.fn();
    renderPage(<EditGroupPanel group={group} onDone={onDone} />, {
      path: '/groups/g2',
      mocks: [
        refused('BAD_USER_INPUT', [
          { field: 'topic', problems: ['topic must be shorter than or equal to 120 characters'] },
        ]),
        refused('CONFLICT'),
        {
          request: { query: UpdateWorkingGroupDocument, variables: { id: 'g2', input } },
          result: {
            data: {
              updateWorkingGroup: {
                __typename: 'WorkingGroup',
                id: 'g2',
                name: input.name,
                topic: input.topic,
                visibility: input.visibility,
                openToGuests: false,
                memberCount: 2,
                viewerRole: null,
                description: input.description,
              },
            },
          },
        },
      ],
    });
    const save = () => fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));

    fireEvent.change(screen.getByRole('textbox', { name: /^Nazwa/ }), { target: { value: '' } });
    save();
    expect(await screen.findByText('Nazwa: To pole jest wymagane.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /^Nazwa/ }), {
      target: { value: input.name },
    });
    fireEvent.change(screen.getByRole('combobox', { name: /^Dostęp/ }), {
      target: { value: GroupVisibility.SECRET },
    });
    expect(
      (screen.getByRole('checkbox', { name: /Otwarta dla gości/ }) as HTMLInputElement).disabled,
    ).toBe(true);

    save();
    expect(await screen.findByText('Temat: Tekst jest za długi.')).toBeTruthy();
    save();
    expect(await screen.findByText('Nazwa: Grupa o tej nazwie już istnieje.')).toBeTruthy();
    save();
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('Dane grupy zostały zapisane.'));
  });
});
