import { FormattedMessage } from 'react-intl';

/** A five-pointed star drawn with the text colour: filled (starred) or as an outline. */
export function StarIcon({ filled, size = 18 }: { filled: boolean; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9L12 3z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The mark beside a starred message's time. */
export function StarMark() {
  return (
    <span className="msg-bubble__star" data-testid="star-mark">
      <StarIcon filled size={12} />
      <span className="visually-hidden">
        <FormattedMessage id="inbox-parity.star.mark" />
      </span>
    </span>
  );
}
