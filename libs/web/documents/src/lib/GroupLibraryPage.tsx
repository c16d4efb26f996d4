import {
  Anchor,
  Breadcrumbs,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DOCUMENT_MAX_FILE_BYTES_DEFAULT,
  DOCUMENT_NAME_MAX,
  DocumentOwnerKind,
  GroupRole,
  PAGE_SIZE_MAX,
  Permission,
} from '@civitas/shared/domain';
import {
  CreateDocumentFolderDocument,
  DeleteDocumentDocument,
  DeleteDocumentFolderDocument,
  DocumentSort,
  GroupDocumentQuotaDocument,
  GroupLibraryDocument,
  type GroupLibraryQuery,
  MoveDocumentDocument,
  MoveDocumentFolderDocument,
  RenameDocumentDocument,
  RenameDocumentFolderDocument,
  toApiProblem,
  useSession,
} from '@civitas/web/data-access';
import {
  ConfirmDialog,
  DialogButtons,
  DialogFrame,
  ErrorAlert,
  LoadingState,
  Page,
  StatusMessage,
  useErrorText,
  useFormatters,
  usePersonName,
} from '@civitas/web/ui';
import { type DragEvent, type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  childFolders,
  folderAndDescendants,
  folderPath,
  formatBytes,
  uploadErrorText,
} from './document-rules';
import { DocumentSearchPanel } from './DocumentSearchPanel';
import { DOCUMENTS_NS } from './i18n';
import { PreviewModal, type PreviewTarget } from './PreviewModal';
import { TrashPanel } from './TrashPanel';
import { UploadQueueList } from './UploadQueueList';
import { useUploadQueue } from './useUploadQueue';
import { VersionDrawer, type VersionedDocument } from './VersionDrawer';

type LibraryDocument = GroupLibraryQuery['documents']['edges'][number]['node'];
type LibraryFolder = GroupLibraryQuery['documentFolders'][number];
type SortKey = 'name' | 'size' | 'modified' | 'author';

const SERVER_SORT: Record<SortKey, DocumentSort> = {
  name: DocumentSort.Name,
  size: DocumentSort.Size,
  modified: DocumentSort.UpdatedAt,
  // The API sorts by name, size and date; the author column sorts the page shown.
  author: DocumentSort.Name,
};

type Dialog =
  | { kind: 'newFolder' }
  | { kind: 'rename'; target: 'document' | 'folder'; id: string; name: string; extension?: string }
  | { kind: 'move'; target: 'document' | 'folder'; id: string; name: string }
  | { kind: 'delete'; target: 'document' | 'folder'; id: string; name: string };

/** A name dialog (new folder, rename): labelled field, focus on open, Escape closes. */
function NameDialog({
  title,
  label,
  initial,
  hint,
  submitLabel,
  loading,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  initial: string;
  hint?: string;
  submitLabel: string;
  loading: boolean;
  onSubmit: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const [name, setName] = useState(initial);
  const [error, setError] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('actions.required'));
      return;
    }
    onSubmit(name.trim());
  }
  return (
    <DialogFrame opened title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={label}
            description={hint}
            value={name}
            maxLength={DOCUMENT_NAME_MAX}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error || undefined}
            required
            data-autofocus
          />
          <DialogButtons onClose={onClose} confirmLabel={submitLabel} loading={loading} />
        </Stack>
      </form>
    </DialogFrame>
  );
}

function MoveDialog({
  title,
  folders,
  excluded,
  loading,
  onSubmit,
  onClose,
}: {
  title: string;
  folders: LibraryFolder[];
  excluded: Set<string>;
  loading: boolean;
  onSubmit: (folderId: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const [value, setValue] = useState<string | null>('');
  const options = [
    { value: '', label: t('library.top') },
    ...folders
      .filter((f) => !excluded.has(f.id))
      .map((f) => ({
        value: f.id,
        label: folderPath(folders, f.id)
          .map((p) => p.name)
          .join(' / '),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'pl')),
  ];
  return (
    <DialogFrame opened title={title} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(value || null);
        }}
      >
        <Stack>
          <Select
            label={t('actions.moveTo')}
            data={options}
            value={value}
            onChange={setValue}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
            data-autofocus
          />
          <DialogButtons onClose={onClose} confirmLabel={t('actions.move')} loading={loading} />
        </Stack>
      </form>
    </DialogFrame>
  );
}

/** The folder tree: nested lists of links; the current folder is marked for screen readers. */
/** Rename, move and delete for one folder or file of the list; each opens its dialog. */
function ItemActions({
  item,
  onOpen,
}: {
  item: { target: 'document' | 'folder'; id: string; name: string; extension?: string };
  onOpen: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation(DOCUMENTS_NS);
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        aria-label={t('actions.renameLabel', { name: item.name })}
        onClick={() => onOpen({ kind: 'rename', ...item })}
      >
        {t('actions.rename')}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        aria-label={t('actions.moveLabel', { name: item.name })}
        onClick={() => onOpen({ kind: 'move', target: item.target, id: item.id, name: item.name })}
      >
        {t('actions.move')}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        color="red.9"
        aria-label={t('actions.deleteLabel', { name: item.name })}
        onClick={() =>
          onOpen({ kind: 'delete', target: item.target, id: item.id, name: item.name })
        }
      >
        {t('actions.delete')}
      </Button>
    </>
  );
}

function FolderTree({
  folders,
  parentId,
  current,
  linkTo,
}: {
  folders: LibraryFolder[];
  parentId: string | null;
  current: string | null;
  linkTo: (folderId: string | null) => string;
}) {
  const children = childFolders(folders, parentId);
  if (!children.length) return null;
  return (
    <ul style={{ listStyle: 'none', paddingLeft: parentId ? '1rem' : 0, margin: 0 }}>
      {children.map((f) => (
        <li key={f.id}>
          <Anchor
            component={Link}
            to={linkTo(f.id)}
            aria-current={f.id === current ? 'page' : undefined}
            fw={f.id === current ? 700 : undefined}
          >
            📁 {f.name}
          </Anchor>
          <FolderTree folders={folders} parentId={f.id} current={current} linkTo={linkTo} />
        </li>
      ))}
    </ul>
  );
}

function SortHeader({
  column,
  label,
  sort,
  descending,
  onSort,
}: {
  column: SortKey;
  label: string;
  sort: SortKey;
  descending: boolean;
  onSort: (column: SortKey) => void;
}) {
  const { t } = useTranslation(DOCUMENTS_NS);
  const active = sort === column;
  return (
    <Table.Th aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
      <UnstyledButton
        onClick={() => onSort(column)}
        fw={700}
        aria-label={t('columns.sortBy', { column: label })}
      >
        {label} <span aria-hidden="true">{active ? (descending ? '▼' : '▲') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Used / limit of the group's storage, as a named progress bar. */
function QuotaBar({ groupId }: { groupId: string }) {
  const { t, i18n } = useTranslation(DOCUMENTS_NS);
  const { data } = useQuery(GroupDocumentQuotaDocument, {
    variables: { groupId },
    fetchPolicy: 'cache-and-network',
  });
  const quota = data?.documentQuota;
  if (!quota) return null;
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const value = quota.limitBytes
    ? Math.min(100, Math.round((quota.usedBytes / quota.limitBytes) * 100))
    : 0;
  const usage = t('quota.usage', { used: bytes(quota.usedBytes), limit: bytes(quota.limitBytes) });
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={600} id="quota-label">
          {t('quota.label')}
        </Text>
        <Text size="sm">{usage}</Text>
      </Group>
      <Progress.Root size="md">
        <Progress.Section
          value={value}
          color={value > 90 ? 'red.9' : 'blue.8'}
          aria-labelledby="quota-label"
          aria-valuetext={usage}
        />
      </Progress.Root>
      <Text size="xs" c="gray.8">
        {t('quota.maxFile', { size: bytes(quota.maxFileBytes) })}
      </Text>
    </Stack>
  );
}

/**
 * `/groups/:groupId/documents[?folder=<id>]`: a working group's library — folder tree and
 * breadcrumbs, the folder's files (sortable), drag-and-drop and picked uploads with progress
 * and Cancel, rename/move/delete, versions, previews, search and the trash.
 */
export function GroupLibraryPage() {
  const { t, i18n } = useTranslation(DOCUMENTS_NS);
  const { groupId = '' } = useParams();
  const [params] = useSearchParams();
  const folderId = params.get('folder');
  const session = useSession();
  const errorText = useErrorText();
  const format = useFormatters();
  const personName = usePersonName();
  const [sort, setSort] = useState<SortKey>('name');
  const [descending, setDescending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [failed, setFailed] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [versionsOf, setVersionsOf] = useState<VersionedDocument | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [dragging, setDragging] = useState(false);
  const [trashKey, setTrashKey] = useState(0);

  const { data, loading, error, refetch, fetchMore } = useQuery(GroupLibraryDocument, {
    variables: {
      groupId,
      folderId,
      sort: SERVER_SORT[sort],
      descending: sort === 'author' ? false : descending,
      first: PAGE_SIZE_MAX,
    },
    fetchPolicy: 'cache-and-network',
  });
  const { data: quotaData, refetch: refetchQuota } = useQuery(GroupDocumentQuotaDocument, {
    variables: { groupId },
  });
  const maxFileBytes = quotaData?.documentQuota.maxFileBytes ?? DOCUMENT_MAX_FILE_BYTES_DEFAULT;

  const refresh = () => {
    void refetch();
    void refetchQuota();
    setTrashKey((k) => k + 1);
  };
  const announce = (message: string) => {
    setFailed('');
    setAnnouncement(message);
  };
  const fail = (e: unknown) => {
    const p = toApiProblem(e);
    setAnnouncement('');
    setFailed(p ? errorText.message(p) : errorText.message({ code: 'UNKNOWN' }));
  };

  const queue = useUploadQueue({
    onFinished: (item) => {
      if (item.status === 'done') {
        announce(t('upload.uploaded', { name: item.result?.name ?? item.name }));
        refresh();
      } else if (item.status === 'failed') {
        setAnnouncement(
          t('upload.failed', {
            name: item.name,
            reason: uploadErrorText(t, item.error ?? 'UNKNOWN', maxFileBytes, i18n.language),
          }),
        );
      } else if (item.status === 'cancelled') {
        setAnnouncement(t('upload.cancelledMessage', { name: item.name }));
      }
    },
  });

  const [createFolder, createState] = useMutation(CreateDocumentFolderDocument);
  const [renameDocument, renameDocState] = useMutation(RenameDocumentDocument);
  const [renameFolder, renameFolderState] = useMutation(RenameDocumentFolderDocument);
  const [moveDocument, moveDocState] = useMutation(MoveDocumentDocument);
  const [moveFolder, moveFolderState] = useMutation(MoveDocumentFolderDocument);
  const [deleteDocument, deleteDocState] = useMutation(DeleteDocumentDocument);
  const [deleteFolder, deleteFolderState] = useMutation(DeleteDocumentFolderDocument);

  const folders = useMemo(() => data?.documentFolders ?? [], [data]);
  const documents = useMemo(() => {
    const list = data?.documents.edges.map((e) => e.node) ?? [];
    if (sort !== 'author') return list;
    const sorted = [...list].sort((a, b) =>
      (personName(a.createdBy?.name) ?? '').localeCompare(
        personName(b.createdBy?.name) ?? '',
        'pl',
      ),
    );
    return descending ? sorted.reverse() : sorted;
  }, [data, sort, descending, personName]);

  const group = data?.group;
  const problem = toApiProblem(error);
  const linkTo = (id: string | null) =>
    id
      ? `/groups/${groupId}/documents?folder=${encodeURIComponent(id)}`
      : `/groups/${groupId}/documents`;

  const status = (
    <>
      <div aria-live="polite">{announcement && <StatusMessage>{announcement}</StatusMessage>}</div>
      {failed && <ErrorAlert>{failed}</ErrorAlert>}
    </>
  );
  const back = (
    <Anchor component={Link} to={`/groups/${groupId}`}>
      {t('library.back')}
    </Anchor>
  );

  if (!group) {
    return (
      <Page title={t('library.titleShort')}>
        {back}
        {loading && <LoadingState label={t('library.loading')} />}
        {problem && (
          <ErrorAlert>
            {problem.code === 'NOT_FOUND' || problem.code === 'FORBIDDEN'
              ? t('library.notFound')
              : errorText.message(problem)}
          </ErrorAlert>
        )}
      </Page>
    );
  }

  const isOffice = session.can(Permission.GROUP_CREATE);
  const canWrite = !!group.viewerRole || isOffice;
  const canManage = group.viewerRole === GroupRole.COORDINATOR || isOffice;
  const path = folderPath(folders, folderId);
  const currentFolder = path.at(-1);
  const subfolders = childFolders(folders, folderId);
  const target = {
    kind: 'document' as const,
    ownerKind: DocumentOwnerKind.GROUP_LIBRARY,
    ownerId: groupId,
    folderId,
  };

  function onSort(column: SortKey) {
    if (column === sort) setDescending(!descending);
    else {
      setSort(column);
      setDescending(column === 'modified' || column === 'size');
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length && canWrite) queue.enqueue(files, target, maxFileBytes);
  }

  async function run(work: () => Promise<unknown>, message: string) {
    try {
      await work();
      setDialog(null);
      announce(message);
      refresh();
    } catch (e) {
      setDialog(null);
      fail(e);
    }
  }

  let dialogNode: ReactNode = null;
  if (dialog?.kind === 'newFolder') {
    dialogNode = (
      <NameDialog
        title={t('actions.newFolder')}
        label={t('actions.folderName')}
        initial=""
        submitLabel={t('actions.create')}
        loading={createState.loading}
        onClose={() => setDialog(null)}
        onSubmit={(name) =>
          void run(
            () => createFolder({ variables: { input: { groupId, name, parentId: folderId } } }),
            t('actions.folderCreated', { name }),
          )
        }
      />
    );
  } else if (dialog?.kind === 'rename') {
    const d = dialog;
    dialogNode = (
      <NameDialog
        title={t('actions.renameLabel', { name: d.name })}
        label={t('actions.newName')}
        initial={d.extension ? d.name.slice(0, d.name.length - d.extension.length - 1) : d.name}
        hint={d.extension ? t('actions.extensionKept', { extension: d.extension }) : undefined}
        submitLabel={t('actions.save')}
        loading={renameDocState.loading || renameFolderState.loading}
        onClose={() => setDialog(null)}
        onSubmit={(name) =>
          void run(
            () =>
              d.target === 'document'
                ? renameDocument({ variables: { id: d.id, name } })
                : renameFolder({ variables: { id: d.id, name } }),
            t('actions.renamed', { name }),
          )
        }
      />
    );
  } else if (dialog?.kind === 'move') {
    const d = dialog;
    dialogNode = (
      <MoveDialog
        title={t('actions.moveLabel', { name: d.name })}
        folders={folders}
        excluded={d.target === 'folder' ? folderAndDescendants(folders, d.id) : new Set()}
        loading={moveDocState.loading || moveFolderState.loading}
        onClose={() => setDialog(null)}
        onSubmit={(to) =>
          void run(
            () =>
              d.target === 'document'
                ? moveDocument({ variables: { id: d.id, folderId: to } })
                : moveFolder({ variables: { id: d.id, parentId: to } }),
            t('actions.moved', { name: d.name }),
          )
        }
      />
    );
  }
  const deleting = dialog?.kind === 'delete' ? dialog : null;

  const rowActions = (doc: LibraryDocument) => (
    <Group gap={4} wrap="wrap">
      <Button
        component="a"
        href={doc.downloadUrl}
        download
        size="compact-sm"
        variant="default"
        aria-label={t('actions.downloadLabel', { name: doc.name })}
      >
        {t('actions.download')}
      </Button>
      {doc.previewUrl && (
        <Button
          size="compact-sm"
          variant="default"
          aria-label={t('actions.previewLabel', { name: doc.name })}
          onClick={() =>
            setPreview({
              name: doc.name,
              contentType: doc.contentType,
              previewUrl: doc.previewUrl ?? null,
            })
          }
        >
          {t('actions.preview')}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="default"
        aria-label={t('actions.versionsLabel', { name: doc.name })}
        onClick={() => setVersionsOf(doc)}
      >
        {t('actions.versions')} ({doc.versionCount})
      </Button>
      {doc.viewerCanEdit && (
        <ItemActions
          item={{ target: 'document', id: doc.id, name: doc.name, extension: doc.extension }}
          onOpen={setDialog}
        />
      )}
    </Group>
  );

  return (
    <Page title={t('library.title', { group: group.name })}>
      {back}
      {status}
      <Breadcrumbs aria-label={t('library.breadcrumbs')} component="nav" separator="›">
        {[
          <Anchor
            key="top"
            component={Link}
            to={linkTo(null)}
            aria-current={folderId ? undefined : 'page'}
          >
            {t('library.top')}
          </Anchor>,
          ...path.map((f) => (
            <Anchor
              key={f.id}
              component={Link}
              to={linkTo(f.id)}
              aria-current={f.id === folderId ? 'page' : undefined}
            >
              {f.name}
            </Anchor>
          )),
        ]}
      </Breadcrumbs>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap="md">
          <Paper withBorder p="md" component="nav" aria-labelledby="folders-heading">
            <Stack gap="xs">
              <h2 id="folders-heading" style={{ margin: 0, fontSize: '1.1rem' }}>
                {t('library.folders')}
              </h2>
              <Anchor component={Link} to={linkTo(null)} fw={folderId ? undefined : 700}>
                📚 {t('library.top')}
              </Anchor>
              <FolderTree folders={folders} parentId={null} current={folderId} linkTo={linkTo} />
              {canWrite && (
                <Button
                  variant="default"
                  size="compact-sm"
                  onClick={() => setDialog({ kind: 'newFolder' })}
                >
                  {t('actions.newFolder')}
                </Button>
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <QuotaBar groupId={groupId} />
          </Paper>
        </Stack>

        <Stack gap="md" style={{ gridColumn: 'span 2' }}>
          {canWrite && (
            <Paper
              withBorder
              p="md"
              component="section"
              aria-labelledby="upload-heading"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              style={{
                borderStyle: 'dashed',
                borderWidth: 2,
                background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
              }}
              data-testid="document-dropzone"
            >
              <Stack gap="xs">
                <h2 id="upload-heading" style={{ margin: 0, fontSize: '1.1rem' }}>
                  {t('upload.heading')}
                </h2>
                <Text>
                  {dragging
                    ? t('upload.dropActive', { folder: currentFolder?.name ?? t('library.top') })
                    : t('upload.drop')}
                </Text>
                <Group>
                  <FileButton
                    multiple
                    onChange={(files) => queue.enqueue(files, target, maxFileBytes)}
                  >
                    {(props) => <Button {...props}>{t('upload.pick')}</Button>}
                  </FileButton>
                </Group>
                <Text size="xs" c="gray.8">
                  {t('upload.allowed')}
                </Text>
                <UploadQueueList
                  items={queue.items}
                  maxFileBytes={maxFileBytes}
                  onCancel={queue.cancel}
                  onClear={queue.clearFinished}
                />
              </Stack>
            </Paper>
          )}

          <section aria-labelledby="files-heading">
            <Stack gap="xs">
              <h2 id="files-heading" style={{ margin: 0, fontSize: '1.1rem' }}>
                {currentFolder ? currentFolder.name : t('library.top')}
              </h2>
              {subfolders.length > 0 && (
                <Table>
                  <Table.Caption>{t('library.folders')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.name')}</Table.Th>
                      <Table.Th>{t('columns.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {subfolders.map((f) => (
                      <Table.Tr key={f.id}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={linkTo(f.id)}
                            aria-label={t('actions.open', { name: f.name })}
                          >
                            📁 {f.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          {canWrite && (
                            <Group gap={4}>
                              <ItemActions
                                item={{ target: 'folder', id: f.id, name: f.name }}
                                onOpen={setDialog}
                              />
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {documents.length === 0 ? (
                <Text>{t('library.empty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped>
                    <Table.Caption>
                      {t('library.count', { count: data?.documents.totalCount ?? 0 })}
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        {(['name', 'size', 'modified', 'author'] as const).map((column) => (
                          <SortHeader
                            key={column}
                            column={column}
                            label={t(`columns.${column}`)}
                            sort={sort}
                            descending={descending}
                            onSort={onSort}
                          />
                        ))}
                        <Table.Th>{t('columns.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {documents.map((doc) => (
                        <Table.Tr key={doc.id}>
                          <Table.Td>
                            <Anchor
                              component={Link}
                              to={`/documents/${doc.id}`}
                              style={{ wordBreak: 'break-word' }}
                            >
                              {doc.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{formatBytes(doc.size, i18n.language)}</Table.Td>
                          <Table.Td>
                            <time dateTime={doc.updatedAt}>{format.dateTime(doc.updatedAt)}</time>
                          </Table.Td>
                          <Table.Td>{personName(doc.createdBy?.name) ?? '—'}</Table.Td>
                          <Table.Td>{rowActions(doc)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {data?.documents.pageInfo.hasNextPage && (
                <Group>
                  <Button
                    variant="default"
                    onClick={() =>
                      void fetchMore({
                        variables: { after: data.documents.pageInfo.endCursor },
                        updateQuery: (prev, { fetchMoreResult }) => ({
                          ...fetchMoreResult,
                          documents: {
                            ...fetchMoreResult.documents,
                            edges: [...prev.documents.edges, ...fetchMoreResult.documents.edges],
                          },
                        }),
                      })
                    }
                  >
                    {t('actions.more')}
                  </Button>
                </Group>
              )}
            </Stack>
          </section>

          <DocumentSearchPanel groupId={groupId} />

          <TrashPanel
            key={trashKey}
            groupId={groupId}
            canManage={canManage}
            onRestored={(name) => {
              announce(t('actions.restored', { name }));
              void refetch();
              void refetchQuota();
            }}
            onError={fail}
          />
        </Stack>
      </SimpleGrid>

      {dialogNode}
      <ConfirmDialog
        opened={!!deleting}
        title={t('actions.deleteTitle', { name: deleting?.name ?? '' })}
        body={
          deleting?.target === 'folder' ? t('actions.deleteFolderBody') : t('actions.deleteBody')
        }
        confirmLabel={t('actions.delete')}
        danger
        loading={deleteDocState.loading || deleteFolderState.loading}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          if (!deleting) return;
          void run(
            () =>
              deleting.target === 'document'
                ? deleteDocument({ variables: { id: deleting.id } })
                : deleteFolder({ variables: { id: deleting.id } }),
            t('actions.deleted', { name: deleting.name }),
          );
        }}
      />
      <VersionDrawer
        document={versionsOf}
        maxFileBytes={maxFileBytes}
        canUpload={canWrite}
        onClose={() => setVersionsOf(null)}
        onChanged={refresh}
        onAnnounce={announce}
        onPreview={setPreview}
      />
      <PreviewModal target={preview} onClose={() => setPreview(null)} />
    </Page>
  );
}
