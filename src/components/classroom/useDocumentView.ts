/**
 * Puts the view settings that style the whole page on <html>: data-theme (only when forced; auto leaves
 * it to prefers-color-scheme in styles.css) and data-classroom (larger type, thicker lines); and tells the
 * store whether the system prefers dark, for the charts that pick colours in code (selectDarkTheme).
 */
import { useEffect } from 'react';
import { useAppStore } from '../../store/store';

export function useDocumentView(): void {
  const setSystemDark = useAppStore((s) => s.setSystemDark);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setSystemDark(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [setSystemDark]);
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
