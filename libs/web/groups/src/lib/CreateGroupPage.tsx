import { Anchor, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { GROUP_INITIAL_COORDINATORS_MAX, GroupVisibility } from '@civitas/shared/domain';
import { CreateWorkingGroupDocument, toApiProblem } from '@civitas/web/data-access';
import { ErrorAlert, ErrorSummary, Page, summaryItems, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { GroupDetailsFields, useDetailsErrorTexts } from './GroupDetailsFields';
import {
  type GroupDetails,
  type GroupDetailsErrors,
  groupDetailsErrors,
  groupErrorOverrides,
  normaliseDetails,
} from './group-rules';
import { GROUPS_NS } from './i18n';
import { type PickedPerson, PersonPicker } from './PersonPicker';

/** `/groups/new`: the office creates a working group with its first coordinators. */
export function CreateGroupPage() {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [details, setDetails] = useState<GroupDetails>({
    name: '',
    topic: '',
    description: '',
    visibility: GroupVisibility.OPEN,
    openToGuests: false,
  });
  const [coordinators, setCoordinators] = useState<PickedPerson[]>([]);
  const [picked, setPicked] = useState<PickedPerson | null>(null);
  const [errors, setErrors] = useState<GroupDetailsErrors>({});
  const [create, { loading, error, reset }] = useMutation(CreateWorkingGroupDocument);
  const problem = toApiProblem(error);
  const texts = useDetailsErrorTexts(errors, problem);

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    const found = groupDetailsErrors(details, coordinators.length);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const result = await create({
        variables: {
          input: { ...normaliseDetails(details), coordinatorIds: coordinators.map((c) => c.id) },
        },
      });
      const created = result.data?.createWorkingGroup;
      if (created) navigate(`/groups/${created.id}`);
    } catch {
      // shown from `error`
    }
  }

  const summary = summaryItems([
    ['new-group-name', t('form.name'), texts.name],
    ['new-group-topic', t('form.topic'), texts.topic],
    ['new-group-description', t('form.description'), texts.description],
    ['new-group-visibility', t('form.visibility'), texts.visibility],
    ['new-group-coordinator', t('form.coordinators'), texts.coordinators],
  ]);
  const fieldProblemShown = problem?.code === 'BAD_USER_INPUT' && problem.fields.length > 0;
  const nameTaken = problem?.code === 'CONFLICT';
  const generalProblem = problem && !fieldProblemShown && !nameTaken ? problem : null;

  return (
    <Page title={t('form.createTitle')}>
      <Anchor component={Link} to="/groups">
        {t('group.back')}
      </Anchor>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate aria-label={t('form.createTitle')}>
          <Stack gap="md">
            <ErrorSummary items={summary} />
            {generalProblem && (
              <ErrorAlert>{errorText.message(generalProblem, groupErrorOverrides(t))}</ErrorAlert>
            )}
            <GroupDetailsFields
              idPrefix="new-group"
              value={details}
              onChange={setDetails}
              errors={texts}
            />
            <fieldset className="civitas-fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend>
                <Text fw={600} component="span">
                  {t('form.coordinators')}
                </Text>
              </legend>
              <Text size="sm" mb="xs">
                {t('form.coordinatorsHint', { max: GROUP_INITIAL_COORDINATORS_MAX })}
              </Text>
              {coordinators.length ? (
                <List mb="sm">
                  {coordinators.map((c) => (
                    <List.Item key={c.id}>
                      <Group gap="xs">
                        <span>{c.label}</span>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('form.removeCoordinator', { name: c.name })}
                          onClick={() => setCoordinators((all) => all.filter((x) => x.id !== c.id))}
                        >
                          ✕
                        </Button>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" mb="sm">
                  {t('form.noCoordinators')}
                </Text>
              )}
              <Group align="flex-end">
                <PersonPicker
                  id="new-group-coordinator"
                  label={t('form.addCoordinator')}
                  value={picked}
                  onChange={setPicked}
                  exclude={coordinators.map((c) => c.id)}
                  error={texts.coordinators}
                />
                <Button
                  variant="default"
                  disabled={!picked}
                  onClick={() => {
                    if (!picked) return;
                    setCoordinators((all) => [...all, picked]);
                    setPicked(null);
                    setErrors((e) => ({ ...e, coordinators: undefined }));
                  }}
                >
                  {t('form.addCoordinator')}
                </Button>
              </Group>
            </fieldset>
            <Group>
              <Button type="submit" loading={loading}>
                {t('form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
