import { useId, useState } from 'react';
import { MAX_CUSTOM_ICON_BYTES } from '@flowdesk/shared/security';
import { strings } from '../strings';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];
const ICON_PIXELS = 128;

/**
 * Reads an uploaded image and redraws it as a small PNG, so what is stored is always a raster
 * icon of a few kilobytes whatever was picked (never SVG, which can carry script).
 */
export async function iconFromFile(file: File): Promise<string> {
  if (!ACCEPTED.includes(file.type)) throw new Error(strings.iconUnreadable);
  if (file.size > 20 * 1024 * 1024) throw new Error(strings.iconTooLarge);
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new Error(strings.iconUnreadable);
  });
  const canvas = document.createElement('canvas');
  canvas.width = ICON_PIXELS;
  canvas.height = ICON_PIXELS;
  const context = canvas.getContext('2d');
  if (!context) throw new Error(strings.iconUnreadable);
  const scale = Math.min(ICON_PIXELS / bitmap.width, ICON_PIXELS / bitmap.height);
  const width = bitmap.width * scale;
  const height = bitmap.height * scale;
  context.drawImage(bitmap, (ICON_PIXELS - width) / 2, (ICON_PIXELS - height) / 2, width, height);
  bitmap.close();
  const url = canvas.toDataURL('image/png');
  if (url.length > (MAX_CUSTOM_ICON_BYTES * 4) / 3) throw new Error(strings.iconTooLarge);
  return url;
}

/** Icon upload or generated initials, and the colour of the initials' tile. */
export function IconPicker({
  name,
  icon,
  color,
  onIcon,
  onColor,
}: {
  name: string;
  icon: string | undefined;
  color: string;
  onIcon: (icon: string | undefined) => void;
  onColor: (color: string) => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <fieldset className="icon-picker">
      <legend>{strings.icon}</legend>
      <label className="upload">
        {strings.iconUpload}
        <input
          type="file"
          accept={ACCEPTED.join(',')}
          aria-describedby={`${id}-icon-message`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            iconFromFile(file).then(
              (url) => {
                setProblem(undefined);
                onIcon(url);
              },
              (error: unknown) =>
                setProblem(error instanceof Error ? error.message : strings.iconUnreadable),
            );
          }}
        />
      </label>
      <button type="button" disabled={!icon} onClick={() => onIcon(undefined)}>
        {strings.iconMonogram}
      </button>
      <label htmlFor={`${id}-color`}>{strings.serviceColor}</label>
      <input
        id={`${id}-color`}
        type="color"
        value={color}
        title={name}
        onChange={(event) => onColor(event.target.value)}
      />
      <p id={`${id}-icon-message`} className={problem ? 'problem' : 'hint'} aria-live="polite">
        {problem ?? ''}
      </p>
    </fieldset>
  );
}
