/**
 * Puts the view settings that style the whole page on <html>: data-theme (only when forced; auto leaves
 * it to prefers-color-scheme in styles.css) and data-classroom (larger type, thicker lines).
 */
import { useEffect } from 'react';
import { useAppStore } from '../../store/store';

export function useDocumentView(): void {
  const theme = useAppStore((s) => s.view.theme);
  const classroom = useAppStore((s) => s.view.classroom);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    if (classroom) root.dataset.classroom = 'true';
    else delete root.dataset.classroom;
  }, [theme, classroom]);
}
