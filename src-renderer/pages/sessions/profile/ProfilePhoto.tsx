import { useRef, useState } from 'react';
import type { NumberProfile } from '../../../../src-shared/contract/number-profile';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useT } from '../../../i18n/use-t';
import { Avatar } from '../../inbox/Avatar';
import { useAvatars } from '../../../stores/avatars';
import { PhotoCropper } from './PhotoCropper';
import { useProfileSave } from './use-profile-save';

const ACCEPTED = 'image/jpeg,image/png,image/webp';

/** The number's profile photo: shown, replaced by a picture cropped to a square here, or removed. */
export function ProfilePhoto({
  profile,
  onSaved,
}: {
  profile: NumberProfile;
  onSaved: (profile: NumberProfile) => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const { save, saving, error, fieldError } = useProfileSave(profile.session, (next) => {
    onSaved(next);
    useAvatars.getState().outdate(next.session, next.jid);
  });
  const problem = error ?? fieldError('picture');

  return (
    <div className="number-profile__photo">
      <Avatar name={profile.name ?? profile.jid} size={72} session={profile.session} jid={profile.jid} />
      <div className="number-profile__photo-actions">
        <p className="muted" role="status">
          {t(saving ? 'parity.photo.saving' : profile.hasPicture ? 'parity.photo.set' : 'parity.photo.none')}
        </p>
        <div className="row">
          <button
            type="button"
            className="button button--secondary"
            disabled={saving}
            onClick={() => input.current?.click()}
          >
            {t(profile.hasPicture ? 'parity.photo.change' : 'parity.photo.add')}
          </button>
          {profile.hasPicture && (
            <ConfirmButton
              label={t('parity.photo.remove')}
              question={t('parity.photo.removeQuestion')}
              confirmLabel={t('parity.photo.remove')}
              onConfirm={async () => {
                await save({ picture: null });
              }}
            />
          )}
        </div>
        <input
          ref={input}
          type="file"
          accept={ACCEPTED}
          hidden
          aria-label={t('parity.photo.choose')}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            event.target.value = '';
          }}
        />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      {file && (
        <PhotoCropper
          file={file}
          onCancel={() => setFile(null)}
          onDone={(jpegBase64) => {
            setFile(null);
            void save({ picture: { data: jpegBase64, mimetype: 'image/jpeg' } });
          }}
        />
      )}
    </div>
  );
}
