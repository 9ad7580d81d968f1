import type { Page } from '@playwright/test';

/**
 * A small in-page accessibility check (axe-core is not installed): every visible control has an
 * accessible name, and every visible text meets WCAG AA contrast against what is behind it
 * (4.5:1, or 3:1 for large text: ≥ 24px, or ≥ 18.7px bold). Disabled controls are exempt, as in
 * WCAG. Text over images or gradients is skipped (its background is unknown). Returns one line
 * per problem, deduplicated.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(CHECK);
}

const CHECK = `(() => {
  const problems = new Set();
  const visible = (el) => {
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').trim().slice(0, 30);
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '');
  };
  const textOf = (el) => (el.innerText || el.textContent || '').trim();
  const nameOf = (el) => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy.split(/\\s+/).map((id) => document.getElementById(id)).filter(Boolean).map(textOf).join(' ').trim();
      if (text) return text;
    }
    const label = el.getAttribute('aria-label');
    if (label && label.trim()) return label.trim();
    if (el.labels && el.labels.length) {
      const text = [...el.labels].map(textOf).join(' ').trim();
      if (text) return text;
    }
    if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) {
      const text = textOf(el);
      if (text) return text;
      const img = el.querySelector('img[alt]:not([alt=""]), [role="img"][aria-label]');
      if (img) return img.getAttribute('alt') || img.getAttribute('aria-label');
    }
    if (el.getAttribute('placeholder')) return el.getAttribute('placeholder');
    return el.getAttribute('title') || '';
  };
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="option"], [role="menuitem"], [role="menuitemcheckbox"], [role="tab"], [role="switch"]',
  );
  for (const el of controls) {
    if (!visible(el) || el.closest('[aria-hidden="true"]')) continue;
    if (!nameOf(el)) problems.add('no accessible name: ' + describe(el));
  }

  const parse = (value) => {
    let m = value.match(/^rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)$/);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    m = value.match(/^color\\(srgb ([\\d.e-]+) ([\\d.e-]+) ([\\d.e-]+)(?: \\/ ([\\d.]+))?\\)$/);
    if (m) return [Number(m[1]) * 255, Number(m[2]) * 255, Number(m[3]) * 255, m[4] === undefined ? 1 : Number(m[4])];
    return null;
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') return null;
      const color = parse(style.backgroundColor);
      if (color && color[3] > 0) {
        layers.push(color);
        if (color[3] >= 1) break;
      }
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim()) continue;
    seen.add(el);
    if (!visible(el) || el.closest('[aria-hidden="true"], :disabled, [aria-disabled="true"], option, script, style')) continue;
    const style = getComputedStyle(el);
    const background = backgroundOf(el);
    const color = parse(style.color);
    if (!background || !color) continue;
    const fg = over(color, background);
    const [l1, l2] = [luminance(fg), luminance(background)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5) - 0.005)
      problems.add('contrast ' + ratio.toFixed(2) + ':1 at ' + size + 'px: ' + describe(el) + ' (' + style.color + ' on ' + background.slice(0, 3).map(Math.round).join(',') + ')');
  }
  return [...problems];
})()`;
