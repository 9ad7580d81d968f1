/**
 * The English texts of areas only the lazy pages use (settings, schedule, routing, widget, …):
 * loaded with the first lazy page (`catalogue.ts`, `lazy-pages.ts`), not before the first screen.
 */
import campaign from './campaign/en.json';
import contactimport from './contactimport/en.json';
import keyusage from './keyusage/en.json';
import forms from './forms/en.json';
import logs from './logs/en.json';
import parity from './parity/en.json';
import ratelimits from './ratelimits/en.json';
import medialibrary from './medialibrary/en.json';
import retention from './retention/en.json';
import ruleassign from './ruleassign/en.json';
import routing from './routing/en.json';
import rulewebhook from './rulewebhook/en.json';
import schedule from './schedule/en.json';
import settings from './settings/en.json';
import webhookowner from './webhookowner/en.json';
import widget from './widget/en.json';

export const pageEnglish = {
  ...campaign,
  ...contactimport,
  ...keyusage,
  ...forms,
  ...logs,
  ...parity,
  ...ratelimits,
  ...medialibrary,
  ...retention,
  ...ruleassign,
  ...routing,
  ...rulewebhook,
  ...schedule,
  ...settings,
  ...webhookowner,
  ...widget,
};
