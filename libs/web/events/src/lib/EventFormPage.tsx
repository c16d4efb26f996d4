import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { EventAudience, EventType, Role } from '@civitas/shared/domain';
import {
  AssociationEventDocument,
  CreateAssociationEventDocument,
  EventFormGroupsDocument,
  EventNonMemberCitiesDocument,
  EventOfficeGroupsDocument,
  UpdateAssociationEventDocument,
  useSession,
} from '@civitas/web/data-access';
import { ErrorAlert, ErrorSummary, LoadingState, Page } from '@civitas/web/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useEventsError } from './errors';
import { emptyForm, type EventFormValues, formOf, inputOf, problemsOf } from './event-form';
import { EVENTS_NS } from './i18n';

/** The office's (any event) and coordinators' (their group's meetings) event form. */
export function EventFormPage() {
  const { id } = useParams();
  const { t } = useTranslation(EVENTS_NS);
  const existing = useQuery(AssociationEventDocument, { variables: { id: id ?? '' }, skip: !id });
  if (id && !existing.data) {
    return existing.error ? (
      <Page title={t('form.editTitle')}>
        <ErrorAlert>{existing.error.message}</ErrorAlert>
      </Page>
    ) : (
      <LoadingState />
    );
  }
  const event = existing.data?.associationEvent;
  return (
    <EventForm key={event?.id ?? 'new'} initial={event ? formOf(event) : null} id={event?.id} />
  );
}

function EventForm({ initial, id }: { initial: EventFormValues | null; id?: string }) {
  const { t } = useTranslation(EVENTS_NS);
  const session = useSession();
  const navigate = useNavigate();
  const errorOf = useEventsError();
  const office = session.role === Role.OFFICE_ADMIN;
  const [v, setV] = useState<EventFormValues>(initial ?? emptyForm(!office));
  const [problems, setProblems] = useState<ReturnType<typeof problemsOf>>({});
  const [citySearch, setCitySearch] = useState('');
  const [cityNames, setCityNames] = useState<Record<string, string>>({});
  const myGroups = useQuery(EventFormGroupsDocument, { skip: office });
  const allGroups = useQuery(EventOfficeGroupsDocument, { skip: !office });
  const cities = useQuery(EventNonMemberCitiesDocument, {
    variables: { search: citySearch || null },
    skip: !office || v.audience !== EventAudience.MEMBERS_AND_INVITED_CITIES,
  });
  const existing = useQuery(AssociationEventDocument, { variables: { id: id ?? '' }, skip: !id });
  useEffect(() => {
    const invited = existing.data?.associationEvent.invitedCities ?? [];
    if (invited.length)
      setCityNames((m) => ({ ...m, ...Object.fromEntries(invited.map((c) => [c.id, c.name])) }));
  }, [existing.data]);
  const [create, createState] = useMutation(CreateAssociationEventDocument);
  const [update, updateState] = useMutation(UpdateAssociationEventDocument);
  const groups = office
    ? (allGroups.data?.groups.edges.map((e) => e.node) ?? [])
    : (myGroups.data?.myGroups.edges
        .map((e) => e.node)
        .filter((g) => g.viewerRole === 'COORDINATOR') ?? []);
  const cityOptions = [
    ...(cities.data?.organisations.edges.map((e) => ({
      value: String(e.node.id),
      label: e.node.name,
    })) ?? []),
    ...v.invitedCityIds
      .filter((cid) => !cities.data?.organisations.edges.some((e) => e.node.id === cid))
      .map((cid) => ({ value: cid, label: cityNames[cid] ?? cid })),
  ];
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) =>
    setV((f) => ({ ...f, [key]: value }));
  const error = createState.error ?? updateState.error;
  const problem = (key: keyof EventFormValues) => (problems[key] ? t(problems[key]!) : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = problemsOf(v);
    setProblems(found);
    if (Object.keys(found).length) return;
    try {
      const input = inputOf(v);
      const saved = id
        ? (await update({ variables: { id, input } })).data?.updateAssociationEvent
        : (await create({ variables: { input } })).data?.createAssociationEvent;
      if (saved) navigate(`/events/${saved.id}`);
    } catch {
      // Shown from the mutation's error.
    }
  }

  const summary = Object.entries(problems).map(([field, key]) => ({
    fieldId: `event-${field}`,
    message: t(key!),
  }));
  const types = office ? Object.values(EventType) : [EventType.WORKING_GROUP_MEETING];
  const audiences = office ? Object.values(EventAudience) : [EventAudience.WORKING_GROUP];
  return (
    <Page title={id ? t('form.editTitle') : t('form.newTitle')} narrow>
      <Anchor component={Link} to={id ? `/events/${id}` : '/events'}>
        {t('event.back')}
      </Anchor>
      <Paper withBorder p="md">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm">
            {summary.length > 0 && <ErrorSummary items={summary} />}
            <TextInput
              id="event-title"
              label={t('form.title')}
              value={v.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              required
              error={problem('title')}
            />
            <Select
              id="event-type"
              label={t('form.type')}
              data={types.map((type) => ({ value: type, label: t(`type.${type}`) }))}
              value={v.type}
              allowDeselect={false}
              onChange={(value) => {
                const type = value as EventType;
                setV((f) => ({
                  ...f,
                  type,
                  audience:
                    type === EventType.WORKING_GROUP_MEETING
                      ? EventAudience.WORKING_GROUP
                      : f.audience,
                }));
              }}
            />
            <Textarea
              id="event-description"
              label={t('form.description')}
              value={v.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              rows={6}
            />
            <TextInput
              id="event-startsAt"
              type="datetime-local"
              label={t('form.startsAt')}
              value={v.startsAt}
              onChange={(e) => set('startsAt', e.currentTarget.value)}
              required
              error={problem('startsAt')}
            />
            <TextInput
              id="event-endsAt"
              type="datetime-local"
              label={t('form.endsAt')}
              value={v.endsAt}
              onChange={(e) => set('endsAt', e.currentTarget.value)}
              required
              error={problem('endsAt')}
            />
            <TextInput
              id="event-place"
              label={t('form.place')}
              value={v.place}
              onChange={(e) => set('place', e.currentTarget.value)}
              error={problem('place')}
            />
            <TextInput
              id="event-onlineUrl"
              type="url"
              label={t('form.onlineUrl')}
              description={t('form.onlineUrlHint')}
              value={v.onlineUrl}
              onChange={(e) => set('onlineUrl', e.currentTarget.value)}
            />
            <NumberInput
              id="event-capacity"
              label={t('form.capacity')}
              description={t('form.capacityHint')}
              min={1}
              allowDecimal={false}
              value={v.capacity === '' ? '' : Number(v.capacity)}
              onChange={(value) => set('capacity', value === '' ? '' : String(value))}
            />
            <TextInput
              id="event-registrationDeadline"
              type="datetime-local"
              label={t('form.deadline')}
              description={t('form.deadlineHint')}
              value={v.registrationDeadline}
              onChange={(e) => set('registrationDeadline', e.currentTarget.value)}
              error={problem('registrationDeadline')}
            />
            <Select
              id="event-audience"
              label={t('form.audience')}
              data={audiences.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
              value={v.audience}
              allowDeselect={false}
              disabled={v.type === EventType.WORKING_GROUP_MEETING}
              onChange={(value) => set('audience', value as EventAudience)}
            />
            {v.audience === EventAudience.WORKING_GROUP && (
              <Select
                id="event-groupId"
                label={t('form.group')}
                data={groups.map((g) => ({ value: String(g.id), label: g.name }))}
                value={v.groupId || null}
                onChange={(value) => set('groupId', value ?? '')}
                searchable
                required
                error={problem('groupId')}
              />
            )}
            {v.audience === EventAudience.MEMBERS_AND_INVITED_CITIES && (
              <MultiSelect
                id="event-cities"
                label={t('form.cities')}
                description={t('form.citiesHint')}
                data={cityOptions}
                value={v.invitedCityIds}
                searchable
                searchValue={citySearch}
                onSearchChange={setCitySearch}
                filter={({ options }) => options}
                onChange={(ids) => {
                  setCityNames((m) => ({
                    ...m,
                    ...Object.fromEntries(cityOptions.map((o) => [o.value, o.label])),
                  }));
                  set('invitedCityIds', ids);
                }}
              />
            )}
            {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
            <div>
              <Button type="submit" loading={createState.loading || updateState.loading}>
                {id ? t('form.save') : t('form.create')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
