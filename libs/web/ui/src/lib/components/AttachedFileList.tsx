import { Anchor, Button, Group, Stack } from '@mantine/core';

export interface AttachedFile {
  id: string;
  name: string;
  downloadUrl: string;
}

/** The files of an entry being edited: each a download link with its own remove button. */
export function AttachedFileList({
  files,
  removing,
  onRemove,
  removeLabel,
}: {
  files: AttachedFile[];
  /** The file whose removal is under way. */
  removing: string | null;
  onRemove: (file: AttachedFile) => void;
  /** The button's words, naming the file (several buttons must not share a name). */
  removeLabel: (name: string) => string;
}) {
  if (files.length === 0) return null;
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {files.map((f) => (
        <Group component="li" key={f.id} gap="sm">
          <Anchor href={f.downloadUrl} download={f.name}>
            {f.name}
          </Anchor>
          <Button
            size="xs"
            variant="default"
            loading={removing === f.id}
            onClick={() => onRemove(f)}
          >
            {removeLabel(f.name)}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
