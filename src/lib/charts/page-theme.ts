// Which chart theme the page shows now, and a watch on changes (theme toggle or system switch).
import type { ThemeName } from './theme.ts';

export function pageTheme(): ThemeName {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function watchPageTheme(listener: (theme: ThemeName) => void): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const fire = () => listener(pageTheme());
  const observer = new MutationObserver(fire);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', fire);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', fire);
  };
}
