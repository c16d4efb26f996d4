import { Checkbox, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import {
  GROUP_DESCRIPTION_MAX,
  GROUP_NAME_MAX,
  GROUP_TOPIC_MAX,
  GroupVisibility,
} from '@civitas/shared/domain';
import { fieldProblems, type ApiProblem } from '@civitas/web/data-access';
import { useErrorText } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import type { GroupDetails, GroupDetailsErrors } from './group-rules';
import { GROUPS_NS } from './i18n';

const VISIBILITIES = Object.values(GroupVisibility);

/** The translated error of each field: the form's own checks first, then the API's. */
export function useDetailsErrorTexts(
  errors: GroupDetailsErrors,
  problem: ApiProblem | null,
): Record<keyof GroupDetailsErrors, string | undefined> {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const text = (key: keyof GroupDetailsErrors) => {
    const own = errors[key];
    if (own) return t(own.key, own.values);
    if (key === 'name' && problem?.code === 'CONFLICT') return t('errors.nameTaken');
    const server = fieldProblems(problem, key === 'coordinators' ? 'coordinatorIds' : key)[0];
    return server ? errorText.field(server) : undefined;
  };
  return {
    name: text('name'),
    topic: text('topic'),
    description: text('description'),
    visibility: text('visibility'),
    openToGuests: text('openToGuests'),
    coordinators: text('coordinators'),
  };
}

/** Name, topic, description, visibility and "open to guests" of a working group. */
export function GroupDetailsFields({
  idPrefix,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  value: GroupDetails;
  onChange: (value: GroupDetails) => void;
  errors: Record<keyof GroupDetailsErrors, string | undefined>;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const secret = value.visibility === GroupVisibility.SECRET;
  const after = ['label', 'input', 'description', 'error'] as const;
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          id={`${idPrefix}-name`}
          label={t('form.name')}
          description={t('form.maxLength', { max: GROUP_NAME_MAX })}
          inputWrapperOrder={[...after]}
          required
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
          error={errors.name}
        />
        <TextInput
          id={`${idPrefix}-topic`}
          label={t('form.topic')}
          description={t('form.maxLength', { max: GROUP_TOPIC_MAX })}
          inputWrapperOrder={[...after]}
          required
          value={value.topic}
          onChange={(e) => onChange({ ...value, topic: e.currentTarget.value })}
          error={errors.topic}
        />
      </SimpleGrid>
      <Textarea
        id={`${idPrefix}-description`}
        label={t('form.description')}
        description={t('form.maxLength', { max: GROUP_DESCRIPTION_MAX })}
        inputWrapperOrder={[...after]}
        rows={5}
        value={value.description}
        onChange={(e) => onChange({ ...value, description: e.currentTarget.value })}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <NativeSelect
          id={`${idPrefix}-visibility`}
          label={t('form.visibility')}
          description={t(`visibilityHint.${value.visibility}`)}
          inputWrapperOrder={[...after]}
          value={value.visibility}
          onChange={(e) =>
            onChange({ ...value, visibility: e.currentTarget.value as GroupVisibility })
          }
          data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
          error={errors.visibility}
        />
        <Checkbox
          id={`${idPrefix}-guests`}
          mt={{ base: 0, md: 'xl' }}
          label={t('form.openToGuests')}
          description={secret ? t('form.openToGuestsSecret') : undefined}
          checked={value.openToGuests && !secret}
          disabled={secret}
          onChange={(e) => onChange({ ...value, openToGuests: e.currentTarget.checked })}
          error={errors.openToGuests}
        />
      </SimpleGrid>
    </>
  );
}
