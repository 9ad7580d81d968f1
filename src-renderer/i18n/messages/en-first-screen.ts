/**
 * The English texts of the areas the first screen uses (sign-in, the inbox and what the shell
 * shows around it), in the entry bundle. The lazy pages' areas are in `en-pages.ts`, loaded with
 * the first of those pages (issue #23 target 7: the catalogue was ~115 kB of the first screen).
 * `testkit/first-screen/first-screen.test.ts` fails when a module of the first screen uses an area not listed here.
 */
import assignment from './assignment/en.json';
import automation from './automation/en.json';
import channels from './channels/en.json';
import common from './common/en.json';
import composer from './composer/en.json';
import contactdetails from './contactdetails/en.json';
import desktop from './desktop/en.json';
import errors from './errors/en.json';
import groupinfo from './groupinfo/en.json';
import groupjoin from './groupjoin/en.json';
import inboxComposer from './inbox-composer/en.json';
import inbox from './inbox/en.json';
import kinds from './kinds/en.json';
import inboxShare from './inbox-share/en.json';
import inboxUnread from './inbox-unread/en.json';
import inboxParity from './inbox-parity/en.json';
import login from './login/en.json';
import messages from './messages/en.json';
import organize from './organize/en.json';
import reports from './reports/en.json';
import pacing from './pacing/en.json';
import sessions from './sessions/en.json';
import staff from './staff/en.json';
import status from './status/en.json';
import tags from './tags/en.json';
import team from './team/en.json';
import voice from './voice/en.json';

export const firstScreenEnglish = {
  ...assignment,
  ...automation,
  ...channels,
  ...common,
  ...composer,
  ...contactdetails,
  ...desktop,
  ...errors,
  ...groupinfo,
  ...groupjoin,
  ...inboxComposer,
  ...inbox,
  ...kinds,
  ...inboxShare,
  ...inboxUnread,
  ...inboxParity,
  ...login,
  ...messages,
  ...organize,
  ...reports,
  ...pacing,
  ...sessions,
  ...staff,
  ...status,
  ...tags,
  ...team,
  ...voice,
};
