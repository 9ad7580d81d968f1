/** The website widget area: `/widget` lists widgets, `/widget/new` and `/widget/:id` edit one. */
export { WidgetListPage as WidgetPage } from './widget/WidgetListPage';
export { WidgetEditorPage } from './widget/WidgetEditorPage';
