/**
 * The source catalogue: English, one JSON file per area of the UI (`<area>/en.json`, ids start
 * with `<area>.`). Its keys are the only message ids the code may use (types.ts), so a missing
 * key fails the type check; catalogues.test.ts fails on unused keys and on any other language
 * missing a key. A new area adds its import here.
 */
import assignment from './assignment/en.json';
import automation from './automation/en.json';
import campaign from './campaign/en.json';
import channels from './channels/en.json';
import common from './common/en.json';
import composer from './composer/en.json';
import contactdetails from './contactdetails/en.json';
import contactimport from './contactimport/en.json';
import desktop from './desktop/en.json';
import errors from './errors/en.json';
import groupinfo from './groupinfo/en.json';
import groupjoin from './groupjoin/en.json';
import inboxComposer from './inbox-composer/en.json';
import inbox from './inbox/en.json';
import keyusage from './keyusage/en.json';
import kinds from './kinds/en.json';
import forms from './forms/en.json';
import inboxShare from './inbox-share/en.json';
import inboxUnread from './inbox-unread/en.json';
import inboxParity from './inbox-parity/en.json';
import login from './login/en.json';
import logs from './logs/en.json';
import messages from './messages/en.json';
import organize from './organize/en.json';
import parity from './parity/en.json';
import reports from './reports/en.json';
import ratelimits from './ratelimits/en.json';
import medialibrary from './medialibrary/en.json';
import pacing from './pacing/en.json';
import retention from './retention/en.json';
import ruleassign from './ruleassign/en.json';
import routing from './routing/en.json';
import rulewebhook from './rulewebhook/en.json';
import schedule from './schedule/en.json';
import sessions from './sessions/en.json';
import settings from './settings/en.json';
import staff from './staff/en.json';
import status from './status/en.json';
import tags from './tags/en.json';
import team from './team/en.json';
import voice from './voice/en.json';
import webhookowner from './webhookowner/en.json';
import widget from './widget/en.json';

export const english = {
  ...assignment,
  ...automation,
  ...campaign,
  ...channels,
  ...common,
  ...composer,
  ...contactdetails,
  ...contactimport,
  ...desktop,
  ...errors,
  ...groupinfo,
  ...groupjoin,
  ...inbox,
  ...inboxComposer,
  ...keyusage,
  ...kinds,
  ...forms,
  ...inboxShare,
  ...inboxUnread,
  ...inboxParity,
  ...login,
  ...logs,
  ...messages,
  ...organize,
  ...parity,
  ...reports,
  ...ratelimits,
  ...medialibrary,
  ...pacing,
  ...retention,
  ...ruleassign,
  ...routing,
  ...rulewebhook,
  ...schedule,
  ...sessions,
  ...settings,
  ...staff,
  ...status,
  ...tags,
  ...team,
  ...voice,
  ...webhookowner,
  ...widget,
};

export type MessageId = keyof typeof english;
