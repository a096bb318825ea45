import { Group, Image, Modal, UnstyledButton } from '@mantine/core';
import { useState } from 'react';

export interface Photo {
  id: string;
  fileName: string;
  url: string;
  thumbUrl: string;
}

/**
 * Small copies of task photos (light on a phone's data plan); a tap opens the
 * full picture. Both come through the authorised download route.
 */
export function PhotoThumbs({ photos, openLabel }: { photos: Photo[]; openLabel: (p: Photo) => string }) {
  const [open, setOpen] = useState<Photo | null>(null);
  if (photos.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {photos.map((p) => (
          <UnstyledButton key={p.id} onClick={() => setOpen(p)} aria-label={openLabel(p)}>
            <Image src={p.thumbUrl} alt={p.fileName} w={88} h={88} fit="cover" radius="md" loading="lazy" />
          </UnstyledButton>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.fileName} size="xl" centered>
        {open ? <Image src={open.url} alt={open.fileName} fit="contain" mah="75vh" /> : null}
      </Modal>
    </>
  );
}
