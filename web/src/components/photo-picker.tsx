import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { FormField } from './form-field.tsx';

export const PHOTO_TYPES = ['image/jpeg', 'image/png'];

interface PhotoPickerProps {
  photos: File[];
  onChange: (photos: File[]) => void;
  maxCount: number;
  maxBytes: number;
  error?: string | undefined;
}

/** Checks each new file as it is chosen; accepted photos are listed with a preview and a remove button. */
export function PhotoPicker({ photos, onChange, maxCount, maxBytes, error }: PhotoPickerProps) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const sizeMb = Math.round(maxBytes / (1024 * 1024));
  const previews = useMemo(() => photos.map((photo) => URL.createObjectURL(photo)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  const add = (files: FileList | null) => {
    if (!files) return;
    const accepted = [...photos];
    let rejection: string | null = null;
    for (const file of files) {
      if (!PHOTO_TYPES.includes(file.type)) rejection = t('photos.wrongType', { name: file.name });
      else if (file.size > maxBytes) rejection = t('photos.tooLarge', { name: file.name, sizeMb });
      else if (accepted.length >= maxCount) rejection = t('photos.tooMany', { max: maxCount });
      else accepted.push(file);
    }
    setProblem(rejection);
    onChange(accepted);
  };

  return (
    <>
      <FormField
        id="photos"
        label={t('photos.label')}
        optional
        description={t('photos.description', { max: maxCount, sizeMb })}
        error={error ?? problem ?? undefined}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="file"
            accept={PHOTO_TYPES.join(',')}
            multiple
            disabled={photos.length >= maxCount}
            onChange={(event) => {
              add(event.target.files);
              event.target.value = ''; // the same file can be chosen again after removing it
            }}
          />
        )}
      </FormField>
      {photos.length ? (
        <ul className="wp-photos" aria-label={t('photos.chosen')}>
          {photos.map((photo, index) => (
            <li key={`${photo.name}-${index}`}>
              <img src={previews[index]} alt={photo.name} />
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle"
                onClick={() => {
                  setProblem(null);
                  onChange(photos.filter((_, i) => i !== index));
                }}
              >
                {t('photos.remove', { name: photo.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
