import { Role } from '@civitas/shared/domain';
import {
  CreatePracticeAreaDocument,
  DeletePracticeAreaDocument,
  ManagedPracticeAreasDocument,
  type PracticeAreaItemFragment,
  ReorderPracticeAreasDocument,
  UpdatePracticeAreaDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AreasPage, codeFromName } from './AreasPage';
import { renderPage, signedInAs } from './testing';

function area(
  code: string,
  name: string,
  nameEn: string,
  position: number,
  practiceCount: number,
  active = true,
): PracticeAreaItemFragment {
  return { __typename: 'PracticeArea', code, name, nameEn, position, active, practiceCount };
}

const LIST = [
  area('EDUCATION', 'Edukacja', 'Education', 10, 12),
  area('HOUSING', 'Gospodarka mieszkaniowa', 'Housing', 20, 3),
  area('WATER', 'Gospodarka wodna', 'Water management', 30, 0),
];

function render(mocks: object[]) {
  return renderPage(<AreasPage />, {
    path: '/practices/areas',
    session: signedInAs(Role.OFFICE_ADMIN),
    mocks: [
      {
        request: { query: ManagedPracticeAreasDocument },
        maxUsageCount: 10,
        result: { data: { practiceAreas: LIST } },
      },
      ...(mocks as never[]),
    ],
  });
}

function recording(query: object, field: string, calls: unknown[], answer: unknown) {
  return {
    request: { query, variables: () => true },
    result: (vars: unknown) => {
      calls.push(vars);
      return { data: { [field]: answer } };
    },
  };
}

describe('AreasPage', () => {
  it('derives a code from a Polish name', () => {
    expect(codeFromName('Gospodarka wodna i ściekowa')).toBe('GOSPODARKA_WODNA_I_SCIEKOWA');
    expect(codeFromName('Łączność')).toBe('LACZNOSC');
  });

  it('lists the areas with their use; only unused ones may be deleted, the rest retired', async () => {
    render([]);
    expect(await screen.findByRole('heading', { name: 'Edukacja' })).toBeTruthy();
    expect(screen.getByText('EDUCATION · 12 praktyk')).toBeTruthy();
    expect(screen.getByText('HOUSING · 3 praktyki')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Usuń: Gospodarka wodna' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Usuń: Edukacja' })).toBeNull();
    expect(screen.getAllByText('Używany — można go tylko wycofać.')).toHaveLength(2);
    expect(
      (screen.getByRole('button', { name: 'Przesuń w górę: Edukacja' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('adds an area: says what is missing, shows a CONFLICT under the name, then adds', async () => {
    const calls: unknown[] = [];
    render([
      {
        request: { query: CreatePracticeAreaDocument, variables: () => true },
        result: (vars: unknown) => {
          calls.push(vars);
          return {
            errors: [new GraphQLError('exists', { extensions: { code: 'CONFLICT' } })],
          };
        },
      },
      recording(
        CreatePracticeAreaDocument,
        'createPracticeArea',
        calls,
        area('SPORT', 'Sport', 'Sport', 40, 0),
      ),
    ]);
    await screen.findByRole('heading', { name: 'Edukacja' });
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj obszar' }));
    expect(await screen.findAllByText('Pole wymagane')).toHaveLength(2);
    expect(
      screen.getByText('Kod to 2–40 wielkich liter lub _, zaczynający się literą'),
    ).toBeTruthy();
    expect(document.activeElement?.id).toBe('area-new-code');
    expect(calls).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^Nazwa \(polska\)/), {
      target: { value: 'Gospodarka wodna' },
    });
    expect((screen.getByLabelText(/^Kod/) as HTMLInputElement).value).toBe('GOSPODARKA_WODNA');
    fireEvent.change(screen.getByLabelText(/^Nazwa \(angielska\)/), {
      target: { value: 'Water' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj obszar' }));
    expect(
      await screen.findByText('Taki obszar już istnieje (ta sama nazwa lub kod).'),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('area-new-name'));

    fireEvent.change(screen.getByLabelText(/^Nazwa \(polska\)/), { target: { value: 'Sport' } });
    fireEvent.change(screen.getByLabelText(/^Kod/), { target: { value: 'sport' } });
    fireEvent.change(screen.getByLabelText(/^Nazwa \(angielska\)/), {
      target: { value: 'Sport' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Dodaj obszar' }));
    expect(await screen.findByText('Dodano obszar Sport.')).toBeTruthy();
    expect(calls[1]).toEqual({
      input: { code: 'SPORT', name: 'Sport', nameEn: 'Sport', position: 40, active: true },
    });
  });

  it('renames, moves, retires and deletes through the API', async () => {
    const updates: unknown[] = [];
    const reorders: unknown[] = [];
    const deletes: unknown[] = [];
    render([
      recording(
        UpdatePracticeAreaDocument,
        'updatePracticeArea',
        updates,
        area('HOUSING', 'Mieszkalnictwo', 'Housing', 20, 3),
      ),
      recording(UpdatePracticeAreaDocument, 'updatePracticeArea', updates, {
        ...LIST[0],
        active: false,
      }),
      recording(ReorderPracticeAreasDocument, 'reorderPracticeAreas', reorders, LIST),
      recording(DeletePracticeAreaDocument, 'deletePracticeArea', deletes, {
        __typename: 'PracticeArea',
        code: 'WATER',
      }),
    ]);
    await screen.findByRole('heading', { name: 'Edukacja' });

    fireEvent.click(screen.getByRole('button', { name: 'Zmień nazwę: Gospodarka mieszkaniowa' }));
    const name = await screen.findByDisplayValue('Gospodarka mieszkaniowa');
    fireEvent.change(name, { target: { value: 'Mieszkalnictwo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(await screen.findByText('Zapisano nazwę: Mieszkalnictwo.')).toBeTruthy();
    expect(updates[0]).toEqual({
      input: {
        code: 'HOUSING',
        name: 'Mieszkalnictwo',
        nameEn: 'Housing',
        position: 20,
        active: true,
      },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Przesuń w dół: Edukacja' }));
    expect(await screen.findByText('Edukacja: teraz 2. z 3.')).toBeTruthy();
    expect(reorders[0]).toEqual({ codes: ['HOUSING', 'EDUCATION', 'WATER'] });

    fireEvent.click(screen.getByRole('button', { name: 'Wycofaj: Edukacja' }));
    expect(await screen.findByText('Wycofano obszar Edukacja.')).toBeTruthy();
    expect(updates[1]).toMatchObject({ input: { code: 'EDUCATION', active: false } });

    fireEvent.click(screen.getByRole('button', { name: 'Usuń: Gospodarka wodna' }));
    const dialog = await screen.findByRole('dialog', { name: 'Usunąć obszar?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń' }));
    expect(await screen.findByText('Usunięto obszar Gospodarka wodna.')).toBeTruthy();
    expect(deletes).toEqual([{ code: 'WATER' }]);
  });

  it('says why a delete was refused (an area put to use meanwhile)', async () => {
    render([
      {
        request: { query: DeletePracticeAreaDocument, variables: { code: 'WATER' } },
        result: {
          errors: [new GraphQLError('in use', { extensions: { code: 'CONFLICT' } })],
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń: Gospodarka wodna' }));
    const dialog = await screen.findByRole('dialog', { name: 'Usunąć obszar?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Usuń' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await screen.findByText(
        'Obszaru „Gospodarka wodna” używa już jakaś praktyka: można go tylko wycofać.',
      ),
    ).toBeTruthy();
  });
});
