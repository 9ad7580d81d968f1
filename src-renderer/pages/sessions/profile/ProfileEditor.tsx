import { useQuery } from '../../../hooks';
import { useT } from '../../../i18n/use-t';
import { BusinessForm } from './BusinessForm';
import { NameAboutForm } from './NameAboutForm';
import { ProfilePhoto } from './ProfilePhoto';

/** The number's profile as WhatsApp has it, with a form per part (photo, name and about, business). */
export function ProfileEditor({ sessionId }: { sessionId: string }) {
  const t = useT();
  const query = useQuery('numberProfile.get', { session: sessionId });
  const profile = query.data;
  if (!profile) {
    return query.error ? (
      <div className="row">
        <p className="form-error" role="alert">
          {t('parity.profile.loadError', { error: query.error })}
        </p>
        <button type="button" className="button button--secondary" onClick={() => void query.reload()}>
          {t('parity.profile.retry')}
        </button>
      </div>
    ) : (
      <p className="muted" role="status">
        {t('parity.profile.loading')}
      </p>
    );
  }
  return (
    <>
      <ProfilePhoto profile={profile} onSaved={query.setData} />
      <NameAboutForm profile={profile} onSaved={query.setData} />
      {profile.business ? (
        <BusinessForm profile={profile} business={profile.business} onSaved={query.setData} />
      ) : (
        <p className="muted">{t('parity.business.personal')}</p>
      )}
    </>
  );
}
