/** Fills the panel body with the operators available right now, or an offline note. */
import type { PublicOperator, PublicWidget } from '../../src-shared/widget';
import { availableOperators, nextOpening } from '../../src-shared/widget-hours';
import { h } from './dom';
import { describeOpening, initials, safeImageUrl, whatsappLink } from './format';
import type { WidgetTexts } from './texts';

function avatar(operator: PublicOperator): HTMLSpanElement {
  const fallback = () => h('span', { 'aria-hidden': 'true' }, [initials(operator.name)]);
  const iconUrl = safeImageUrl(operator.iconUrl);
  if (!iconUrl) return h('span', { class: 'avatar' }, [fallback()]);
  // alt="" because the name is printed right next to the photo; reading it twice helps nobody.
  const photo = h('img', { src: iconUrl, alt: '', loading: 'lazy' });
  photo.addEventListener('error', () => photo.replaceWith(fallback()), { once: true });
  return h('span', { class: 'avatar' }, [photo]);
}

function operatorLink(operator: PublicOperator, texts: WidgetTexts): HTMLLIElement {
  const who = h('span', { class: 'who' }, [h('span', { class: 'name' }, [operator.name])]);
  if (operator.role) who.append(h('span', { class: 'role' }, [operator.role]));
  who.append(h('span', { class: 'sr' }, [texts.opensWhatsApp]));
  const link = h(
    'a',
    {
      class: 'operator',
      href: whatsappLink(operator.number, operator.prefill),
      target: '_blank',
      rel: 'noopener',
    },
    [avatar(operator), who],
  );
  return h('li', {}, [link]);
}

function offlineNote(config: PublicWidget, now: Date, texts: WidgetTexts): HTMLParagraphElement {
  const opening = nextOpening(config, now);
  const back = opening ? ' ' + texts.back(describeOpening(opening.at, now, undefined, texts)) : '';
  return h('p', { class: 'offline' }, [texts.nobody + back]);
}

/** Re-renders the body for the instant `now`; returns how many operators are available. */
export function renderAvailability(
  body: HTMLElement,
  config: PublicWidget,
  now: Date,
  texts: WidgetTexts,
): number {
  const available = availableOperators(config, now);
  if (available.length === 0) {
    body.replaceChildren(offlineNote(config, now, texts));
  } else {
    body.replaceChildren(
      h('p', { class: 'label' }, [texts.availableNow]),
      h(
        'ul',
        { class: 'list' },
        available.map((operator) => operatorLink(operator, texts)),
      ),
    );
  }
  return available.length;
}
